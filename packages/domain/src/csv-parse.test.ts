import { describe, expect, it } from 'vitest';
import { csvRecordSpans, decodeCsvBytes, detectDelimiter, parseCsv } from './csv-parse.ts';
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

describe('parseCsv (csv-parse): line ends and records as Excel and WPS write them', () => {
  it('reads CRLF, LF and CR line ends mixed in one file, keeping a CRLF inside quotes', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,"x\r\ny"').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', 'x\r\ny'],
    ]);
  });

  it('keeps blank lines as records so that row numbers match the spreadsheet', () => {
    expect(parseCsv('a\n\n1\n').records).toEqual([['a'], [''], ['1']]);
  });

  it('keeps the records before a quote that never closes and flags that one', () => {
    expect(parseCsv('a,b\n1,2\n"x,y\n3,4')).toEqual({
      records: [['a', 'b'], ['1', '2'], ['']],
      unterminatedRecord: 2,
    });
  });

  it('accepts rows with fewer or more cells than the header', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4').records).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });
});

describe('csvRecordSpans', () => {
  it('gives each record’s bytes with its line end, so concatenated spans parse to the same records', () => {
    const text = '\uFEFFname,note\r张三,"a\rb"\r\n\n李四,c';
    const { utf8, spans, unterminated } = csvRecordSpans(text);
    expect(unterminated).toBe(false);
    const pieces = spans.map(([a, b]) => new TextDecoder().decode(utf8.subarray(a, b)));
    expect(pieces).toEqual(['name,note\r', '张三,"a\rb"\r\n', '\n', '李四,c']);
    expect(parseCsv(pieces.join('')).records).toEqual(parseCsv(text).records);
  });

  it('ends with the unterminated rest of the file as one span', () => {
    const { spans, unterminated, utf8 } = csvRecordSpans('a\n"1\n2');
    expect(unterminated).toBe(true);
    expect(spans).toEqual([
      [0, 2],
      [2, utf8.length],
    ]);
  });
});
