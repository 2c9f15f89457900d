/**
 * Chinese working days (工作日) for the statutory deadlines of 法释〔2017〕7号: weekends and
 * statutory holidays are not working days; make-up days (调休上班, a Saturday or Sunday worked in
 * exchange for a bridge day) are. Source: the State Council's yearly holiday notices as compiled by
 * the `chinese-days` package (v1.5.7, data 2004–2026).
 *
 * Outside the covered years there is no official schedule yet, so we fall back to plain
 * Monday–Friday. Such results are estimates: check `isCalendarAuthoritative(date)` for every date
 * of a span (both ends suffice, the covered years being one contiguous range) and label the
 * deadline “估算” when it is false. When the package publishes a new year, update it and
 * WORKING_DAY_CALENDAR_COVERAGE follows automatically.
 *
 * Counting (民法典第二百零一条, 民事诉讼法第八十五条): a period starts the day after the event.
 * “3 working days after” therefore means the third working day after the event date.
 */
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, isIsoDate, isoWeekday } from './dates.ts';

const calendar = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> };

function coveredYears(): { from: number; to: number } {
  const years = Object.keys(calendar.holidays).map((d) => Number(d.slice(0, 4)));
  return { from: Math.min(...years), to: Math.max(...years) };
}

/** Years whose holidays and make-up days are known (inclusive): `{ from: 2004, to: 2026 }`. */
export const WORKING_DAY_CALENDAR_COVERAGE: { readonly from: number; readonly to: number } = Object.freeze(
  coveredYears(),
);

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
}

/**
 * True when `date` lies in a year covered by the official holiday data.
 * @example
 * isCalendarAuthoritative('2025-10-08') // true
 * isCalendarAuthoritative('2031-10-08') // false
 */
export function isCalendarAuthoritative(date: string): boolean {
  assertDate(date);
  const year = Number(date.slice(0, 4));
  return year >= WORKING_DAY_CALENDAR_COVERAGE.from && year <= WORKING_DAY_CALENDAR_COVERAGE.to;
}

/**
 * True on a Chinese working day (make-up weekend days included, holidays excluded).
 * @example
 * isWorkingDay('2025-10-08') // false (National Day holiday)
 * isWorkingDay('2025-10-11') // true (make-up Saturday)
 */
export function isWorkingDay(date: string): boolean {
  assertDate(date);
  if (isCalendarAuthoritative(date)) {
    if (date in calendar.workdays) return true;
    if (date in calendar.holidays) return false;
  }
  return isoWeekday(date) <= 5;
}

/**
 * The n-th working day after `date` (n ≥ 1), or for n = 0 `date` itself when it is a working day,
 * else the next working day.
 * @example
 * addWorkingDays('2025-09-30', 3) // '2025-10-11'
 */
export function addWorkingDays(date: string, n: number): string {
  assertDate(date);
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let day = date;
  if (n === 0) {
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Last day to delete a listing after the event that ends it (performance, withdrawal, expiry…):
 * three working days (法释〔2017〕7号 art. 10).
 * @example
 * removalDeadline('2025-09-30') // '2025-10-11'
 */
export function removalDeadline(eventDate: string): string {
  return addWorkingDays(eventDate, 3);
}

/**
 * Last day to decide a correction request: 15 days after receipt (art. 12). These are calendar
 * days; when the 15th day is not a working day the period ends on the next working day
 * (民事诉讼法第八十五条: “期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期”).
 * @example
 * correctionReviewDeadline('2025-09-16') // '2025-10-09' (15th day is 1 Oct, a holiday)
 */
export function correctionReviewDeadline(receivedDate: string): string {
  return addWorkingDays(addDays(receivedDate, 15), 0);
}

/**
 * Last day to carry out a correction found justified: three working days after the decision
 * (art. 12).
 * @example
 * correctionFixDeadline('2026-02-13') // '2026-02-25' (Spring Festival in between)
 */
export function correctionFixDeadline(decisionDate: string): string {
  return addWorkingDays(decisionDate, 3);
}

/** A statutory deadline and whether it is an estimate (估算). */
export interface Deadline {
  /** last day of the period, `YYYY-MM-DD` */
  date: string;
  /**
   * true when the period reaches outside the years of the bundled holiday calendar, so holidays
   * and make-up days could not be counted: every surface showing `date` must mark it 估算.
   */
  estimate: boolean;
}

/**
 * True when a period from `from` to `to` lies wholly in the bundled calendar's years (the
 * covered years are contiguous, so both ends suffice).
 * @example
 * isSpanAuthoritative('2026-12-30', '2027-01-05') // false while the calendar ends in 2026
 */
export function isSpanAuthoritative(from: string, to: string): boolean {
  return isCalendarAuthoritative(from) && isCalendarAuthoritative(to);
}

function deadline(from: string, date: string): Deadline {
  return { date, estimate: !isSpanAuthoritative(from, date) };
}

/**
 * `removalDeadline` with its estimate flag.
 * @example
 * removalDeadlineInfo('2025-09-30') // { date: '2025-10-11', estimate: false }
 */
export function removalDeadlineInfo(eventDate: string): Deadline {
  return deadline(eventDate, removalDeadline(eventDate));
}

/**
 * `correctionReviewDeadline` with its estimate flag.
 * @example
 * correctionReviewDeadlineInfo('2025-09-16') // { date: '2025-10-09', estimate: false }
 */
export function correctionReviewDeadlineInfo(receivedDate: string): Deadline {
  return deadline(receivedDate, correctionReviewDeadline(receivedDate));
}

/**
 * `correctionFixDeadline` with its estimate flag.
 * @example
 * correctionFixDeadlineInfo('2026-12-30').estimate // true while the calendar ends in 2026
 */
export function correctionFixDeadlineInfo(decisionDate: string): Deadline {
  return deadline(decisionDate, correctionFixDeadline(decisionDate));
}

/** Where a removal stands against its three-working-day deadline (art. 10). */
export interface RemovalClock extends Deadline {
  /** `pending`: not removed, in time; `overdue`: not removed, deadline passed; `met`/`late`: removed in time or after it */
  state: 'pending' | 'overdue' | 'met' | 'late';
  /** true for `overdue` and `late`: counted in the staff statistics */
  overdue: boolean;
}

/**
 * The removal clock of a listing: deadline three working days after the event that ends it
 * (`eventDate`: performance, withdrawal, the day after expiry…), and whether it was met.
 * @example
 * removalClock({ eventDate: '2025-09-30', removedOn: '2025-10-11', today: '2025-10-20' })
 * // { date: '2025-10-11', estimate: false, state: 'met', overdue: false }
 */
export function removalClock(input: {
  eventDate: string;
  removedOn?: string | null;
  today: string;
}): RemovalClock {
  const d = removalDeadlineInfo(input.eventDate);
  assertDate(input.today);
  if (input.removedOn) {
    assertDate(input.removedOn);
    const late = input.removedOn > d.date;
    return { ...d, state: late ? 'late' : 'met', overdue: late };
  }
  const overdue = input.today > d.date;
  return { ...d, state: overdue ? 'overdue' : 'pending', overdue };
}

/** Where an accepted correction stands against its three-working-day fix deadline (art. 12). */
export interface CorrectionFixClock extends Deadline {
  /** `fixing` until the listing is corrected, then `fixed` */
  state: 'fixing' | 'fixed';
  /** not fixed after the deadline, or fixed after it */
  overdue: boolean;
}

/**
 * The fix clock of a correction found justified: `fixing → fixed`, due three working days after
 * the decision (art. 12), overdue when not fixed by then.
 * @example
 * correctionFixClock({ decidedOn: '2026-02-13', fixedOn: null, today: '2026-02-26' })
 * // { date: '2026-02-25', estimate: false, state: 'fixing', overdue: true }
 */
export function correctionFixClock(input: {
  decidedOn: string;
  fixedOn?: string | null;
  today: string;
}): CorrectionFixClock {
  const d = correctionFixDeadlineInfo(input.decidedOn);
  assertDate(input.today);
  if (input.fixedOn) {
    assertDate(input.fixedOn);
    return { ...d, state: 'fixed', overdue: input.fixedOn > d.date };
  }
  return { ...d, state: 'fixing', overdue: input.today > d.date };
}
