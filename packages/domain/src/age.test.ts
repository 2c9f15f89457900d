import { describe, expect, it } from 'vitest';
import { ageOn, isMinorOn } from './age.ts';

describe('ageOn and isMinorOn (周岁 from the day after the birthday)', () => {
  it('treats a person as a minor the day before the 18th birthday', () => {
    expect(ageOn('2007-07-18', '2025-07-17')).toBe(17);
    expect(isMinorOn('2007-07-18', '2025-07-17')).toBe(true);
  });

  it('still treats a person as a minor on the 18th birthday itself', () => {
    expect(ageOn('2007-07-18', '2025-07-18')).toBe(17);
    expect(isMinorOn('2007-07-18', '2025-07-18')).toBe(true);
  });

  it('treats a person as an adult from the day after the 18th birthday', () => {
    expect(ageOn('2007-07-18', '2025-07-19')).toBe(18);
    expect(isMinorOn('2007-07-18', '2025-07-19')).toBe(false);
  });

  it('makes someone born on 29 February 18 on 1 March of a common year', () => {
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('makes someone born on 29 February a year older on 1 March of a leap year too', () => {
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(19);
    expect(ageOn('2004-02-29', '2024-03-01')).toBe(20);
  });

  it('counts across a year end', () => {
    expect(ageOn('1980-12-31', '2025-01-01')).toBe(44);
    expect(ageOn('1980-12-31', '2024-12-31')).toBe(43);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2020-05-05', '2020-05-05')).toBe(0);
  });

  it('refuses a date before the birth date', () => {
    expect(() => ageOn('2020-05-05', '2020-05-04')).toThrow(RangeError);
  });
});
