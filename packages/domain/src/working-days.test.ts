import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  correctionFixClock,
  correctionFixDeadline,
  correctionFixDeadlineInfo,
  correctionReviewDeadline,
  correctionReviewDeadlineInfo,
  isCalendarAuthoritative,
  isWorkingDay,
  removalClock,
  removalDeadline,
  removalDeadlineInfo,
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

describe('法释〔2017〕7号 art. 10 ¶1: the three-working-day removal clock from eventDate', () => {
  it('art. 10 ¶1: met when removed on the last day, late the day after, counted as overdue', () => {
    expect(removalClock({ eventDate: '2025-09-30', removedOn: '2025-10-11', today: '2025-12-01' })).toEqual({
      date: '2025-10-11',
      estimate: false,
      state: 'met',
      overdue: false,
    });
    expect(
      removalClock({ eventDate: '2025-09-30', removedOn: '2025-10-13', today: '2025-12-01' }),
    ).toMatchObject({
      state: 'late',
      overdue: true,
    });
  });

  it('art. 10 ¶1: pending until the deadline, overdue from the next day while not removed', () => {
    expect(removalClock({ eventDate: '2025-09-30', today: '2025-10-11' })).toMatchObject({
      state: 'pending',
      overdue: false,
    });
    expect(removalClock({ eventDate: '2025-09-30', removedOn: null, today: '2025-10-12' })).toMatchObject({
      state: 'overdue',
      overdue: true,
    });
  });

  it('art. 10 ¶1: a deadline past the end of the bundled holiday calendar is an estimate (估算)', () => {
    const lastYear = WORKING_DAY_CALENDAR_COVERAGE.to;
    // an event on 30 December of the last covered year runs into the next, uncovered year
    expect(removalDeadlineInfo(`${lastYear}-12-30`).estimate).toBe(true);
    expect(removalDeadlineInfo(`${lastYear}-06-01`).estimate).toBe(false);
    expect(
      removalClock({ eventDate: `${lastYear + 1}-03-02`, today: `${lastYear + 1}-03-02` }).estimate,
    ).toBe(true);
  });

  it('refuses a removal date or today that is not a date', () => {
    expect(() =>
      removalClock({ eventDate: '2025-09-30', removedOn: '2025-13-01', today: '2025-10-01' }),
    ).toThrow(RangeError);
  });
});

describe('法释〔2017〕7号 art. 12: accepted corrections fixed within three working days (fixing → fixed)', () => {
  it('art. 12: fixing and overdue the day after the deadline across the Spring Festival', () => {
    expect(correctionFixClock({ decidedOn: '2026-02-13', today: '2026-02-25' })).toEqual({
      date: '2026-02-25',
      estimate: false,
      state: 'fixing',
      overdue: false,
    });
    expect(correctionFixClock({ decidedOn: '2026-02-13', fixedOn: null, today: '2026-02-26' })).toMatchObject(
      {
        state: 'fixing',
        overdue: true,
      },
    );
  });

  it('art. 12: fixed in time is not overdue; fixed late stays marked overdue', () => {
    expect(
      correctionFixClock({ decidedOn: '2026-02-13', fixedOn: '2026-02-25', today: '2026-03-20' }),
    ).toMatchObject({
      state: 'fixed',
      overdue: false,
    });
    expect(
      correctionFixClock({ decidedOn: '2026-02-13', fixedOn: '2026-02-26', today: '2026-03-20' }),
    ).toMatchObject({
      state: 'fixed',
      overdue: true,
    });
  });

  it('art. 12: the 15-day review and the fix deadlines carry the estimate flag too', () => {
    const lastYear = WORKING_DAY_CALENDAR_COVERAGE.to;
    expect(correctionReviewDeadlineInfo('2025-09-16')).toEqual({ date: '2025-10-09', estimate: false });
    expect(correctionReviewDeadlineInfo(`${lastYear}-12-20`).estimate).toBe(true);
    expect(correctionFixDeadlineInfo(`${lastYear}-12-30`).estimate).toBe(true);
  });
});
