import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, parseCsv } from './csv-parse.ts';
import { parseLooseDate } from './csv-values.ts';

describe('parseCsv', () => {
  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,""c""\nd"\r\n1,2').records).toEqual([
      ['a', 'b,"c"\nd'],
      ['1', '2'],
    ]);
  });

  it('keeps empty cells and a quote inside an unquoted field', () => {
    expect(parseCsv('a,,5"寸\n').records).toEqual([['a', '', '5"寸']]);
  });

  it('accepts CR-only line ends', () => {
    expect(parseCsv('a,b\r1,2').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('flags a quote that never closes', () => {
    expect(parseCsv('a,b\n"x,y\n1,2').unterminatedRecord).toBe(1);
  });

  it('detects tab and semicolon delimiters on the header line', () => {
    expect(detectDelimiter('a\tb\tc\n1,2')).toBe('\t');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });
});

describe('decodeCsvBytes', () => {
  it('decodes GBK bytes for 张三 when they are not valid UTF-8', () => {
    expect(decodeCsvBytes(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]))).toEqual({
      text: '张三',
      encoding: 'gb18030',
    });
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      text: 'a',
      encoding: 'utf-8',
    });
  });
});

describe('parseLooseDate', () => {
  it.each([
    ['2017-07-18', '2017-07-18'],
    ['2017/7/18', '2017-07-18'],
    ['2017.7.18', '2017-07-18'],
    ['2017年7月18日', '2017-07-18'],
    ['20170718', '2017-07-18'],
    ['2017/7/18 0:00', '2017-07-18'],
    ['42934', '2017-07-18'],
  ])('reads %s', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso);
  });

  it.each(['2017/2/30', '18/7/2017', '2017-13-01', '昨天'])('rejects %s', (text) => {
    expect(parseLooseDate(text)).toBeNull();
  });
});
