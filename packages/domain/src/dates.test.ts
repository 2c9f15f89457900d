import { describe, expect, it } from 'vitest';
import { addDays, addYears, isIsoDate, isoWeekday, todayInChina } from './dates.ts';

describe('dates', () => {
  it('accepts 29 February only in leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('knows the weekday', () => {
    expect(isoWeekday('2025-10-11')).toBe(6);
    expect(isoWeekday('2025-10-12')).toBe(7);
  });

  it('takes today in China, eight hours ahead of UTC', () => {
    expect(todayInChina(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(todayInChina(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
  });
});
