import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  correctionFixDeadline,
  correctionReviewDeadline,
  isCalendarAuthoritative,
  isWorkingDay,
  removalDeadline,
  WORKING_DAY_CALENDAR_COVERAGE,
} from './working-days.ts';

describe('isWorkingDay', () => {
  it('excludes the National Day holiday, weekdays included', () => {
    for (const d of ['2025-10-01', '2025-10-06', '2025-10-08']) expect(isWorkingDay(d)).toBe(false);
  });

  it('counts a make-up Saturday and Sunday as working days', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday
  });

  it('excludes ordinary weekends and counts ordinary weekdays', () => {
    expect(isWorkingDay('2025-06-07')).toBe(false);
    expect(isWorkingDay('2025-06-09')).toBe(true);
  });
});

describe('removalDeadline (three working days, art. 10)', () => {
  it('spans National Day and lands on the make-up Saturday', () => {
    // 09-30 event; 10-01..10-08 holiday; 10-09, 10-10 and make-up Saturday 10-11.
    expect(removalDeadline('2025-09-30')).toBe('2025-10-11');
  });

  it('spans the 2026 Spring Festival, using the make-up Saturday before it', () => {
    // 02-13 Friday; 02-14 make-up Saturday; 02-15..02-23 holiday; 02-24, 02-25.
    expect(removalDeadline('2026-02-13')).toBe('2026-02-25');
  });

  it('skips an ordinary weekend', () => {
    expect(removalDeadline('2025-06-05')).toBe('2025-06-10');
  });

  it('starts counting the day after an event on a holiday', () => {
    expect(removalDeadline('2025-10-03')).toBe('2025-10-11');
  });
});

describe('correction deadlines (art. 12)', () => {
  it('gives 15 days for review, moved to the next working day when the 15th is a holiday', () => {
    expect(correctionReviewDeadline('2025-06-02')).toBe('2025-06-17');
    expect(correctionReviewDeadline('2025-09-16')).toBe('2025-10-09');
  });

  it('gives three working days to carry out a correction', () => {
    expect(correctionFixDeadline('2025-09-30')).toBe('2025-10-11');
  });
});

describe('calendar coverage', () => {
  it('covers the years of the chinese-days data', () => {
    expect(WORKING_DAY_CALENDAR_COVERAGE).toEqual({ from: 2004, to: 2026 });
    expect(isCalendarAuthoritative('2026-12-31')).toBe(true);
    expect(isCalendarAuthoritative('2003-12-31')).toBe(false);
  });

  it('falls back to Monday–Friday outside the covered years and says so', () => {
    const year = WORKING_DAY_CALENDAR_COVERAGE.to + 5;
    expect(isCalendarAuthoritative(`${year}-10-01`)).toBe(false);
    // 2031-10-01 is a Wednesday: a working day in the fallback even though it will be National Day.
    expect(isWorkingDay('2031-10-01')).toBe(true);
    expect(isWorkingDay('2031-10-04')).toBe(false);
    expect(removalDeadline('2031-10-03')).toBe('2031-10-08');
  });

  it('treats addWorkingDays(d, 0) as d itself or the next working day', () => {
    expect(addWorkingDays('2025-06-09', 0)).toBe('2025-06-09');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
  });
});
