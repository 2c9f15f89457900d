import { decodeCsvBytes, parseCsv } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../../../packages/domain/test/gbk.ts';
import { splitCsvIntoChunks } from './csv-chunks.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const concat = (...arrays: Uint8Array[]) => {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
};
/** UTF-16LE with BOM, as Excel's “Unicode 文本” export writes it. */
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};

/** What the server sees: each part decoded and parsed, header dropped, rows with their original row numbers. */
function rowsAsServerSees(parts: ReturnType<typeof splitCsvIntoChunks>['parts']) {
  const seen: { row: number; cells: string[] }[] = [];
  for (const part of parts) {
    const { text, encoding } = decodeCsvBytes(part.csv);
    expect(encoding).toBe('utf-8');
    const [, ...records] = parseCsv(text).records;
    expect(records).toHaveLength(part.rowCount);
    for (const [i, cells] of records.entries()) seen.push({ row: part.firstRow + i, cells });
  }
  return seen;
}

/** The original file's records with their spreadsheet row numbers (header = row 1). */
function originalRows(text: string) {
  const [, ...records] = parseCsv(text).records;
  return records.map((cells, i) => ({ row: i + 2, cells }));
}

describe('CLI import chunking', () => {
  it('repeats the header in every chunk and keeps quoted newlines inside one record', () => {
    const csv = enc('name,note\r\n张三,"第一行\n第二行"\r\n李四,b\r\n王五,c\r\n');
    const { parts, totalRows } = splitCsvIntoChunks(csv, 2);
    expect(totalRows).toBe(3);
    expect(parts.map((p) => [p.firstRow, p.rowCount])).toEqual([
      [2, 2],
      [4, 1],
    ]);
    expect(dec(parts[0]!.csv)).toBe('name,note\r\n张三,"第一行\n第二行"\r\n李四,b\r\n');
    expect(dec(parts[1]!.csv)).toBe('name,note\r\n王五,c\r\n');
  });

  it('keeps a last row without a newline', () => {
    const { parts } = splitCsvIntoChunks(enc('a\n1\n2'), 10);
    expect(dec(parts[0]!.csv)).toBe('a\n1\n2');
  });

  it('loses no row on CR-only line ends (old Mac Excel “CSV”), at any chunk size', () => {
    const text = 'name,note\r张三,a\r李四,"b\rc"\r王五,d\r赵六,e';
    for (const size of [1, 2, 3, 4, 10]) {
      const { parts, totalRows } = splitCsvIntoChunks(enc(text), size);
      expect(totalRows).toBe(4);
      expect(rowsAsServerSees(parts)).toEqual(originalRows(text));
    }
  });

  it('handles a UTF-8 file with BOM at every chunk boundary, sending each part with one BOM', () => {
    const text = 'name,note\r\n张三,"x,y"\r\n李四,"他说""好"""\r\n\r\n王五,z\r\n';
    for (const size of [1, 2, 3]) {
      const { parts, encoding } = splitCsvIntoChunks(
        concat(new Uint8Array([0xef, 0xbb, 0xbf]), enc(text)),
        size,
      );
      expect(encoding).toBe('utf-8');
      for (const p of parts) expect([...p.csv.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x6e]);
      expect(rowsAsServerSees(parts)).toEqual(originalRows(text));
    }
  });

  it('handles a GBK file (Chinese Excel “CSV”) at every chunk boundary', () => {
    const text = '被执行人姓名,案号\r\n张三,"(2017)琼9003执1号"\r\n李四,"某某有限公司,海南"\r\n张三,3\r\n';
    const bytes = encodeGbk(text);
    for (const size of [1, 2, 3]) {
      const chunks = splitCsvIntoChunks(bytes, size);
      expect(chunks.encoding).toBe('gb18030');
      expect(rowsAsServerSees(chunks.parts)).toEqual(originalRows(text));
    }
  });

  it('adds no bogus row at UTF-16LE chunk edges, where code units contain newline and quote bytes', () => {
    // 上 is 0x0A 0x4E and 丢 is 0x22 0x4E in UTF-16LE: a byte scanner saw a line end and a quote there
    const text = '姓名\t备注\r\n上官丢\t"第一行\r\n第二行"\r\n丢上\t上\r\n王五\t丢\r\n';
    const bytes = utf16le(text);
    expect([...bytes.subarray(16, 18)]).toEqual([0x0a, 0x4e]);
    for (const size of [1, 2, 3, 4]) {
      const chunks = splitCsvIntoChunks(bytes, size);
      expect(chunks.encoding).toBe('utf-16le');
      expect(chunks.totalRows).toBe(3);
      expect(rowsAsServerSees(chunks.parts)).toEqual(originalRows(text));
    }
  });

  it('names an empty file and a header without rows (blank lines only) with their error codes', () => {
    expect(splitCsvIntoChunks(enc(''), 10)).toEqual({
      parts: [],
      totalRows: 0,
      encoding: 'utf-8',
      fileError: 'CSV_EMPTY',
    });
    expect(splitCsvIntoChunks(new Uint8Array([0xef, 0xbb, 0xbf]), 10).fileError).toBe('CSV_EMPTY');
    expect(splitCsvIntoChunks(enc('name,note\r\n'), 10).fileError).toBe('CSV_NO_ROWS');
    expect(splitCsvIntoChunks(enc('name,note\r\n\r\n ,\r\n'), 10).fileError).toBe('CSV_NO_ROWS');
    expect(splitCsvIntoChunks(utf16le('姓名\t备注\r\n'), 10).fileError).toBe('CSV_NO_ROWS');
  });

  it('keeps a quote that never closes in the last part, where the server reports it on its row', () => {
    const { parts, totalRows } = splitCsvIntoChunks(enc('a,b\n1,2\n3,4\n"x,5\n6,7\n'), 2);
    expect(totalRows).toBe(3);
    const last = parts.at(-1)!;
    expect(last.firstRow).toBe(4);
    expect(parseCsv(decodeCsvBytes(last.csv).text).unterminatedRecord).toBe(1);
  });

  it('refuses a chunk size that is not a whole number ≥ 1', () => {
    expect(() => splitCsvIntoChunks(enc('a\n1'), 0)).toThrow(RangeError);
    expect(() => splitCsvIntoChunks(enc('a\n1'), Number.NaN)).toThrow(RangeError);
  });
});
