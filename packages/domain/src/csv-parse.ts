/**
 * Bytes and text of a CSV file as court staff produce it from Excel or WPS:
 * - encoding: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's “Unicode 文本”), and
 *   GBK/GB18030, Chinese Excel's default for “CSV (逗号分隔)”. Valid UTF-8 is read as UTF-8,
 *   anything else as GB18030 (a superset of GBK);
 * - RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF or
 *   CR line ends; comma, tab or semicolon delimiter, detected on the header line.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decodes file bytes, dropping any BOM.
 * @example
 * decodeCsvBytes(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd])) // { text: '张三', encoding: 'gb18030' }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decode('gb18030', bytes), encoding: 'gb18030' };
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * The delimiter used on the first line (outside quotes): tab or semicolon when they outnumber commas.
 * @example
 * detectDelimiter('姓名\t案号\n') // '\t'
 */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

export interface CsvParseResult {
  /** One array of cells per record, in file order (blank lines included as `['']`). */
  records: string[][];
  /** Index in `records` of a record whose quote never closes (it runs to the end of the file). */
  unterminatedRecord?: number;
}

/**
 * Splits CSV text into records (RFC 4180, lenient: a quote inside an unquoted field is literal).
 * @example
 * parseCsv('a,"b,""c""\nd"\r\n1,2').records // [['a', 'b,"c"\nd'], ['1', '2']]
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    fieldStart = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
      fieldStart = false;
    }
    i++;
  }
  if (quoted) {
    record.push(field);
    records.push(record);
    return { records, unterminatedRecord: records.length - 1 };
  }
  if (field !== '' || record.length > 0) endRecord();
  return { records };
}
