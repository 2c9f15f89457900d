import { describe, expect, it } from 'vitest';
import { isExpired, termEndsAt, validateTermExtension } from './term.ts';

describe('termEndsAt', () => {
  it('gives category 1 no fixed term', () => {
    expect(termEndsAt(1, '2017-07-18')).toBeNull();
  });

  it('lists categories 2–6 for two years', () => {
    for (const c of [2, 3, 4, 5, 6] as const) expect(termEndsAt(c, '2017-07-18')).toBe('2019-07-18');
  });

  it('adds an extension of one to three years', () => {
    expect(termEndsAt(2, '2017-07-18', 1)).toBe('2020-07-18');
    expect(termEndsAt(2, '2017-07-18', 3)).toBe('2022-07-18');
  });

  it('ends a term started on 29 February on 28 February of a common year', () => {
    expect(termEndsAt(4, '2024-02-29')).toBe('2026-02-28');
    expect(termEndsAt(4, '2024-02-29', 2)).toBe('2028-02-29');
  });

  it('refuses an extension on category 1 or outside 0–3', () => {
    expect(() => termEndsAt(1, '2017-07-18', 1)).toThrow(RangeError);
    expect(() => termEndsAt(2, '2017-07-18', 4)).toThrow(RangeError);
  });
});

describe('validateTermExtension', () => {
  it('accepts none, and 1–3 years on categories 2–6', () => {
    expect(validateTermExtension(1, undefined)).toBeNull();
    expect(validateTermExtension(1, 0)).toBeNull();
    expect(validateTermExtension(5, 3)).toBeNull();
  });

  it.each([
    [1, 1],
    [2, 4],
    [2, -1],
    [2, 1.5],
    [2, '2'],
  ] as const)('rejects category %d with extension %s', (category, years) => {
    expect(validateTermExtension(category, years)).toMatchObject({
      field: 'termExtensionYears',
      code: 'INVALID_TERM_EXTENSION',
    });
  });
});

describe('isExpired', () => {
  it('keeps a listing on its last day and expires it the day after', () => {
    expect(isExpired('2019-07-18', '2019-07-18')).toBe(false);
    expect(isExpired('2019-07-18', '2019-07-19')).toBe(true);
  });

  it('never expires a listing without a term', () => {
    expect(isExpired(null, '2099-01-01')).toBe(false);
  });
});
