/**
 * Bytes and text of a CSV file as court staff produce it from Excel or WPS:
 * - encoding: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's “Unicode 文本”), and
 *   GBK/GB18030, Chinese Excel's default for “CSV (逗号分隔)”. Valid UTF-8 is read as UTF-8,
 *   anything else as GB18030 (a superset of GBK);
 * - RFC 4180 records, parsed by `csv-parse`: quoted fields may hold commas, doubled quotes and line
 *   breaks; CRLF, LF or CR line ends; comma, tab or semicolon delimiter, detected on the header line.
 * Decoding uses the WHATWG `TextDecoder` (GB18030 and UTF-16 are part of the Encoding standard,
 * in Node's full ICU and every browser), so the package needs no codec library.
 */

import { CsvError, parse } from 'csv-parse/sync';

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
 * Splits CSV text into records with `csv-parse` (RFC 4180, lenient as Excel and WPS write it):
 * quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR line ends, even
 * mixed in one file; a quote inside an unquoted field is literal; rows may have fewer or more
 * cells than the header; blank lines are kept as `['']` so that record n stays spreadsheet row
 * n + 1. A quote that never closes ends the records there, flagged by `unterminatedRecord`.
 * @example
 * parseCsv('a,"b,""c""\nd"\r\n1,2').records // [['a', 'b,"c"\nd'], ['1', '2']]
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const records: string[][] = [];
  try {
    parse(text, {
      ...parseOptions(delimiter),
      on_record: (record: string[]) => {
        records.push(record);
        return null; // collected here, so that the records before a parse error survive it
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    records.push(['']);
    return { records, unterminatedRecord: records.length - 1 };
  }
  return { records };
}

/** Options shared by every parse of a staff CSV file. */
function parseOptions(delimiter: string) {
  return {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  };
}

export interface CsvRecordSpans {
  /** the text as UTF-8 bytes, without BOM */
  utf8: Uint8Array;
  /** `[start, end)` byte range of each record in `utf8`, line end included */
  spans: [number, number][];
  /** true when the last span is a record whose quote never closes (it runs to the end) */
  unterminated: boolean;
}

/**
 * Cuts CSV text into records as byte ranges of its UTF-8 form, for tools that pass records on
 * unchanged (the CLI's chunked import): each range holds the record exactly as written, quotes and
 * line end included, so that concatenated ranges parse to the same records.
 * @example
 * csvRecordSpans('a\r1\r2').spans // [[0, 2], [2, 4], [4, 5]]
 */
export function csvRecordSpans(text: string, delimiter = detectDelimiter(text)): CsvRecordSpans {
  const utf8 = new TextEncoder().encode(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const spans: [number, number][] = [];
  let start = 0;
  try {
    parse(utf8, {
      ...parseOptions(delimiter),
      on_record: (_record, context) => {
        // `bytes`: input consumed so far, the record's line end included
        spans.push([start, context.bytes]);
        start = context.bytes;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    spans.push([start, utf8.length]);
    return { utf8, spans, unterminated: true };
  }
  return { utf8, spans, unterminated: false };
}
