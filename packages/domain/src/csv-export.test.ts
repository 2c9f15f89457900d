import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv-export.ts';
import { parseCsv } from './csv-parse.ts';

describe('CSV export for spreadsheets', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613907550000', "'+8613907550000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['＝HYPERLINK("x")', '\'＝HYPERLINK("x")'],
  ])('neutralises a text cell starting with a formula character: %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it('leaves ordinary text, and characters inside a cell, alone', () => {
    expect(neutraliseCell('执行一组')).toBe('执行一组');
    expect(neutraliseCell('1=1')).toBe('1=1');
    expect(neutraliseCell("'already")).toBe("'already");
  });

  it('writes computed numbers as numbers, negative ones included', () => {
    expect(toCsv(['差值'], [[-3], [0.75]])).toBe('\uFEFF差值\r\n-3\r\n0.75\r\n');
  });

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF, so Excel reads Chinese', () => {
    const csv = toCsv(['执行单元', '涉民生'], [['执行一组', true]]);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFF执行单元,涉民生\r\n执行一组,是\r\n');
  });

  it('quotes commas, quotes and line breaks, and a neutralised cell stays neutralised inside quotes', () => {
    expect(toCsv(['a'], [['=A1,"x"']])).toBe('\uFEFFa\r\n"\'=A1,""x"""\r\n');
  });

  it('any text survives a CSV parser unchanged but for the apostrophe, and no cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const parsed = parseCsvRows(
          toCsv(
            cells.map((_, i) => `c${i}`),
            [cells],
          ),
        );
        const row = parsed[1] ?? [];
        row.forEach((value, i) => {
          expect(/^[=+\-@\t\r＝＋－＠]/.test(value)).toBe(false);
          expect(value).toBe(neutraliseCell(cells[i] ?? ''));
        });
      }),
    );
  });
});

function parseCsvRows(text: string): string[][] {
  return parseCsv(text, ',').records;
}
