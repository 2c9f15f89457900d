import { describe, expect, it } from 'vitest';
import { splitCsvIntoChunks } from './csv-chunks.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

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

  it('gives no parts for an empty file and keeps a last row without a newline', () => {
    expect(splitCsvIntoChunks(enc(''), 10)).toEqual({ parts: [], totalRows: 0 });
    const { parts } = splitCsvIntoChunks(enc('a\n1\n2'), 10);
    expect(dec(parts[0]!.csv)).toBe('a\n1\n2');
  });
});
