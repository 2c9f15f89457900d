/**
 * CSV files staff download from the console (campaign tables) and open in Excel or WPS.
 * - Formula injection (CWE-1236): a text cell starting with `=`, `+`, `-`, `@`, a tab or a
 *   carriage return would be run as a formula; such cells get a leading apostrophe, which the
 *   spreadsheet shows as text. The full-width forms (＝＋－＠) are treated alike, since a
 *   Chinese input method types them and some spreadsheet versions convert them.
 * - Numbers the program computed are written as numbers (a negative count stays `-3`).
 * - UTF-8 with a byte-order mark, so Excel opens Chinese text correctly; CRLF line ends (RFC 4180).
 */

export type CsvCell = string | number | boolean | null | undefined;

const DANGEROUS_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * A text cell made safe to open in a spreadsheet.
 * @example
 * neutraliseCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutraliseCell('执行一组') // '执行一组'
 */
export function neutraliseCell(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text =
    typeof cell === 'number'
      ? Number.isFinite(cell)
        ? String(cell)
        : ''
      : typeof cell === 'boolean'
        ? cell
          ? '是'
          : '否'
        : neutraliseCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: BOM, header row, data rows, CRLF after each.
 * @example
 * toCsv(['单元', '数量'], [['执行一组', 3]]) // '\uFEFF单元,数量\r\n执行一组,3\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
