/**
 * CSV import of listing drafts (staff API `POST /admin/listings/import`).
 *
 * Row numbers are spreadsheet row numbers: the header is row 1 and record n (0-based) is row n + 1.
 * A cell with a line break inside is still one row, as in Excel, so row numbers count records,
 * not physical lines; blank records keep their number but are skipped silently.
 *
 * Headers: English field names or the Chinese headers and aliases of `csvColumnFor`. Unknown
 * headers are ignored (and listed in `ignoredHeaders`); a missing required column or a column
 * given twice rejects the file with one row-1 rejection and no rows. One bad row never stops the
 * others: each row is validated alone and reported with every problem it has.
 */
import { type CsvEncoding, decodeCsvBytes, parseCsv } from './csv-parse.ts';
import { parseLooseDate } from './csv-values.ts';
import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode, type FieldError, fieldError } from './errors.ts';
import { type CsvColumnKey, csvColumnFor, LISTING_FIELD_LABELS_ZH } from './field-labels.ts';
import { looksLikeExcelScientific, parseIdNumber } from './id-number.ts';
import { type NormalizedDraft, parseKind, validateListingDraft } from './listing-draft.ts';
import { parseYuanToFen } from './money.ts';
import { parseOrgCode } from './org-code.ts';
import { toHalfWidth } from './text-normalize.ts';
import { parseUscc } from './uscc.ts';

export interface CsvRejection {
  row: number;
  code: DomainErrorCode;
  message: string;
  field?: string;
}

export interface CsvImportResult {
  rows: { row: number; draft: NormalizedDraft }[];
  rejected: CsvRejection[];
  /** Headers that matched no field and were ignored. */
  ignoredHeaders: string[];
  encoding: CsvEncoding;
  /**
   * Set when the file as a whole is refused (empty, header without rows, missing or duplicate
   * columns): the API answers 400 with this code and message; `rejected` then holds the same
   * problem as a row-1 rejection and `rows` is empty.
   */
  fileError?: { code: DomainErrorCode; message: string };
}

const CSV_BLANK_FIRST_LINE = '文件第一行是空行，第一行应为表头（列名），请删除空行后重新导入。';

function refuseFile(result: CsvImportResult, code: DomainErrorCode, message = DOMAIN_ERROR_MESSAGES[code]) {
  result.rejected.push({ row: 1, code, message });
  result.fileError = { code, message };
  return result;
}

const REQUIRED_COLUMNS: CsvColumnKey[] = [
  'name',
  'caseNo',
  'court',
  'filedAt',
  'basisIssuer',
  'basisDocNo',
  'obligation',
  'performance',
  'category',
  'region',
];

/**
 * Parses a CSV file of listing drafts into valid drafts and per-row rejections.
 * @example
 * const { rows, rejected } = parseListingCsv(await file.bytes(), { today: '2025-06-01' });
 * // rejected: [{ row: 3, code: 'ID_NUMBER_CHECKSUM', message: '身份证号码校验位不正确，请逐位核对。', field: 'idNumber' }]
 */
export function parseListingCsv(bytes: Uint8Array, opts: { today: string }): CsvImportResult {
  const { text, encoding } = decodeCsvBytes(bytes);
  const { records, unterminatedRecord } = parseCsv(text);
  const result: CsvImportResult = { rows: [], rejected: [], ignoredHeaders: [], encoding };
  const firstFilled = records.findIndex((r) => !isBlankRecord(r));
  const header = records[0];
  if (firstFilled === -1 || firstFilled === unterminatedRecord) return refuseFile(result, 'CSV_EMPTY');
  if (!header || isBlankRecord(header)) return refuseFile(result, 'CSV_EMPTY', CSV_BLANK_FIRST_LINE);
  const hasRows = records.some((r, i) => i > 0 && (i === unterminatedRecord || !isBlankRecord(r)));
  if (!hasRows) return refuseFile(result, 'CSV_NO_ROWS');
  const columns = mapHeader(header, result);
  if (!columns) {
    const problem = result.rejected[0]!;
    result.fileError = { code: problem.code, message: problem.message };
    return result;
  }

  const seen = new Map<string, number>();
  for (let i = 1; i < records.length; i++) {
    const row = i + 1;
    if (i === unterminatedRecord) {
      result.rejected.push({ row, code: 'CSV_MALFORMED', message: DOMAIN_ERROR_MESSAGES.CSV_MALFORMED });
      break;
    }
    const cells = records[i]!;
    if (isBlankRecord(cells)) continue;
    const { raw, errors } = rowToRaw(cells, columns);
    const checked = validateListingDraft(raw, opts);
    const all = checked.ok
      ? errors
      : [...errors, ...checked.errors.filter((e) => !errors.some((p) => p.field === e.field))];
    if (all.length > 0 || !checked.ok) {
      for (const e of all) result.rejected.push({ row, code: e.code, message: e.message, field: e.field });
      continue;
    }
    const key = `${checked.value.caseNo}|${checked.value.idNumber ?? checked.value.uscc ?? checked.value.orgCode ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const message = `该行与第 ${first} 行的案号和证件号码相同，已跳过。`;
      result.rejected.push({ row, code: 'CSV_DUPLICATE_ROW', message, field: 'caseNo' });
      continue;
    }
    seen.set(key, row);
    result.rows.push({ row, draft: checked.value });
  }
  return result;
}

function isBlankRecord(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Column index → key; null (with a row-1 rejection) when the header is unusable. */
function mapHeader(header: string[], result: CsvImportResult): Map<number, CsvColumnKey> | null {
  const columns = new Map<number, CsvColumnKey>();
  const byKey = new Map<CsvColumnKey, string>();
  const duplicates: string[] = [];
  header.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const key = csvColumnFor(cell);
    if (key === null) {
      result.ignoredHeaders.push(cell.trim());
      return;
    }
    if (key === 'ignored') return;
    const amountKey = key === 'amountOwedFen' || key === 'amountOwedYuan';
    const clash =
      byKey.get(key) ?? (amountKey ? (byKey.get('amountOwedFen') ?? byKey.get('amountOwedYuan')) : undefined);
    if (clash !== undefined) duplicates.push(`“${clash}”与“${cell.trim()}”`);
    byKey.set(key, cell.trim());
    columns.set(index, key);
  });
  if (duplicates.length > 0) {
    const message = `文件中有重复的列：${duplicates.join('、')}表示同一项，请只保留一列。`;
    result.rejected.push({ row: 1, code: 'CSV_DUPLICATE_COLUMN', message });
    return null;
  }
  const missing = REQUIRED_COLUMNS.filter((k) => !byKey.has(k)).map((k) => LISTING_FIELD_LABELS_ZH[k]);
  if (!byKey.has('amountOwedFen') && !byKey.has('amountOwedYuan')) missing.push('未履行金额（元）');
  if (!byKey.has('idNumber') && !byKey.has('uscc') && !byKey.has('orgCode') && !byKey.has('idOrOrgCode')) {
    missing.push('身份证号码/统一社会信用代码');
  }
  if (missing.length > 0) {
    const message = `文件缺少必需的列：${missing.join('、')}。请按模板填写表头后重新导入。`;
    result.rejected.push({ row: 1, code: 'CSV_MISSING_COLUMN', message });
    return null;
  }
  return columns;
}

/** Turns one record into a raw draft for `validateListingDraft`, converting spreadsheet forms. */
function rowToRaw(
  cells: string[],
  columns: Map<number, CsvColumnKey>,
): { raw: Record<string, unknown>; errors: FieldError[] } {
  const raw: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  let combinedCode: string | undefined;
  for (const [index, key] of columns) {
    const value = (cells[index] ?? '').trim();
    if (value === '') continue;
    if (key === 'idOrOrgCode') combinedCode = value;
    else if (key === 'filedAt' || key === 'listedAt' || key === 'decisionDate')
      raw[key] = parseLooseDate(value) ?? value;
    else if (key === 'amountOwedYuan') {
      const fen = parseYuanToFen(value);
      if (fen.ok) raw.amountOwedFen = fen.value;
      else errors.push(fieldError('amountOwedFen', fen.code, `未履行金额（元）：${fen.message}`));
    } else raw[key] = value;
  }
  const kind = parseKind(raw.kind) ?? inferKind(raw, combinedCode);
  if (raw.kind === undefined) raw.kind = kind;
  if (combinedCode !== undefined) raw[kind === 'org' ? 'uscc' : 'idNumber'] = combinedCode;
  // an organisation code (9 characters) given where a credit code (18) is expected, or the other
  // way round, as national exports put either in one column: route it by its length
  if (kind === 'org') routeOrgCodes(raw);
  if (typeof raw.uscc === 'string' && looksLikeExcelScientific(raw.uscc)) {
    const message =
      '统一社会信用代码被 Excel 转换成了科学计数法，请将该列设置为“文本”格式，重新填写后再导出。';
    errors.push(fieldError('uscc', 'INVALID_USCC', message));
  }
  return { raw, errors };
}

function routeOrgCodes(raw: Record<string, unknown>): void {
  const bare = (v: unknown) => (typeof v === 'string' ? toHalfWidth(v).replace(/[\s\-－—]+/g, '') : '');
  if (bare(raw.uscc).length === 9 && raw.orgCode === undefined) {
    raw.orgCode = raw.uscc;
    delete raw.uscc;
  } else if (bare(raw.orgCode).length === 18 && raw.uscc === undefined) {
    raw.uscc = raw.orgCode;
    delete raw.orgCode;
  }
}

/** Kind of a row without a (valid) kind cell: from which identity column is filled, or the code's shape. */
function inferKind(raw: Record<string, unknown>, combinedCode: string | undefined): 'person' | 'org' {
  if (raw.idNumber !== undefined) return 'person';
  if (raw.uscc !== undefined) return 'org';
  if (combinedCode !== undefined) {
    if (parseIdNumber(combinedCode, { today: '9999-12-31' }).ok) return 'person';
    if (parseUscc(combinedCode).ok || parseOrgCode(combinedCode).ok) return 'org';
  }
  if (raw.orgCode !== undefined) return 'org';
  return raw.legalRepresentative !== undefined ? 'org' : 'person';
}
