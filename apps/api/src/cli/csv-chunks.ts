import { type CsvEncoding, csvRecordSpans, decodeCsvBytes } from '@portal/domain';

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export interface CsvChunk {
  /** UTF-8 with BOM: the header record, then `rowCount` records, each exactly as written */
  csv: Uint8Array;
  /** spreadsheet row number (header = 1) of the chunk's first record in the original file */
  firstRow: number;
  rowCount: number;
}

export interface CsvChunks {
  parts: CsvChunk[];
  /** records after the header (blank ones included: they keep their row numbers) */
  totalRows: number;
  encoding: CsvEncoding;
  /** why nothing can be imported: no header (empty file) or a header without data rows */
  fileError?: 'CSV_EMPTY' | 'CSV_NO_ROWS';
}

/**
 * Splits a CSV into parts of at most `rowsPerChunk` records, each starting with the header.
 * The file is decoded first (UTF-8 with or without BOM, GBK/GB18030, UTF-16 with BOM: what Excel
 * and WPS write) and cut into records by the CSV parser of `@portal/domain`, so quoted line
 * breaks, CR-only line ends and UTF-16 code units that contain a newline or quote byte never
 * split a record. Parts are sent as UTF-8, whatever the file's encoding, so no part ever begins
 * in the middle of a character. A quote that never closes stays in the last part, where the
 * server reports it on its row.
 * @example
 * splitCsvIntoChunks(bytes, 2000) // { parts: [{ csv, firstRow: 2, rowCount: 2000 }, …], totalRows, encoding }
 */
export function splitCsvIntoChunks(bytes: Uint8Array, rowsPerChunk: number): CsvChunks {
  if (!Number.isInteger(rowsPerChunk) || rowsPerChunk < 1)
    throw new RangeError(`rowsPerChunk must be a whole number ≥ 1, got ${rowsPerChunk}`);
  const { text, encoding } = decodeCsvBytes(bytes);
  const { utf8, spans } = csvRecordSpans(text);
  const [header, ...rows] = spans;
  const parts: CsvChunk[] = [];
  if (!header || !hasContent(utf8.subarray(header[0], header[1])))
    return { parts, totalRows: 0, encoding, fileError: 'CSV_EMPTY' };
  if (!rows.some(([a, b]) => hasContent(utf8.subarray(a, b))))
    return { parts, totalRows: 0, encoding, fileError: 'CSV_NO_ROWS' };
  const headerBytes = utf8.subarray(header[0], header[1]);
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    const slice = rows.slice(i, i + rowsPerChunk);
    const size = UTF8_BOM.length + headerBytes.length + slice.reduce((n, [a, b]) => n + (b - a), 0);
    const out = new Uint8Array(size);
    out.set(UTF8_BOM, 0);
    out.set(headerBytes, UTF8_BOM.length);
    let offset = UTF8_BOM.length + headerBytes.length;
    for (const [a, b] of slice) {
      out.set(utf8.subarray(a, b), offset);
      offset += b - a;
    }
    parts.push({ csv: out, firstRow: i + 2, rowCount: slice.length });
  }
  return { parts, totalRows: rows.length, encoding };
}

const decoder = new TextDecoder();

/** True when a record holds more than delimiters, quotes and white space. */
function hasContent(record: Uint8Array): boolean {
  return /[^\s,;\t"\uFEFF]/.test(decoder.decode(record));
}
