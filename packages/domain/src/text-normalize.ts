/**
 * Text clean-up shared by search, import and validation. Two levels:
 * - `normalizeText`: a matching key (search queries, header names, codes). Full-width ASCII
 *   (U+FF01–FF5E) becomes ASCII, every whitespace run one space, control characters go.
 * - `cleanText`: what we store. Only invisible/control characters are removed and ends trimmed;
 *   Chinese punctuation such as ，（） is kept as typed because it is part of the text.
 */

// C0/C1 controls (tab and newline handled by callers), bidi overrides/isolates, zero-width space, BOM.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Converts full-width ASCII characters (ＡＢＣ１２３（）) to ASCII and U+3000 to a space.
 * @example
 * toHalfWidth('（２０１７）') // '(2017)'
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * Converts only full-width letters and digits (not punctuation) to ASCII.
 * @example
 * alnumToHalfWidth('１２３，ＡＢ') // '123，AB'
 */
export function alnumToHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Matching key for search and import: full-width ASCII to ASCII, invisible characters removed,
 * whitespace collapsed to single spaces, ends trimmed.
 * @example
 * normalizeText('  张三\u3000（２０１７） ') // '张三 (2017)'
 */
export function normalizeText(s: string): string {
  return toHalfWidth(s.normalize('NFC')).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Stored form of a text field. Single-line: full-width letters/digits to ASCII, whitespace runs
 * collapsed. Multi-line: CRLF/CR become LF, tabs and line breaks kept. Both strip NUL, control and
 * bidi-override characters and trim. HTML is not touched: it is escaped where rendered.
 * @example
 * cleanText(' 海南某某（集团）有限公司\u0000 ') // '海南某某（集团）有限公司'
 * cleanText('第一行\r\n第二行', { multiline: true }) // '第一行\n第二行'
 */
export function cleanText(s: string, opts: { multiline?: boolean } = {}): string {
  const nfc = s.normalize('NFC').replace(/\r\n?/g, '\n');
  if (opts.multiline) return nfc.replace(INVISIBLE, '').trim();
  return alnumToHalfWidth(nfc).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
