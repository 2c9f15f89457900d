import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, MAX_AMOUNT_FEN, parseYuanToFen } from './money.ts';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [12345678, '¥123,456.78'],
    [1e12, '¥10,000,000,000.00'],
    [MAX_AMOUNT_FEN, '¥10,000,000,000,000.00'],
  ])('formats %d fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('rejects negative and fractional amounts', () => {
    expect(() => formatFen(-1)).toThrow(RangeError);
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['123456.78', 12345678],
    ['123,456.78', 12345678],
    ['¥1,000', 100000],
    ['￥1,000', 100000],
    ['1000元', 100000],
    ['1,000.5', 100050],
    ['0.29', 29],
    ['0', 0],
    [' １２３４．５６ ', 123456],
  ])('parses %s as %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, value: fen });
  });

  it.each(['1.234', '-5', '-0.01', '12,34', '1,0000', 'abc', '1.', '.5', '1e5', '100000000000000.01'])(
    'rejects %s',
    (text) => {
      expect(parseYuanToFen(text)).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    },
  );

  it('round-trips every formatted amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toEqual({ ok: true, value: fen });
      }),
    );
  });
});
