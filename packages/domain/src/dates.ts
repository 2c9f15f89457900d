/**
 * Calendar-date helpers on ISO `YYYY-MM-DD` strings. Dates are civil dates in China; arithmetic
 * goes through `Date.UTC` only to count days, so no time zone can shift a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Year, month (1–12) and day of an ISO date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * True in Gregorian leap years.
 * @example
 * isLeapYear(2024) // true
 * isLeapYear(1900) // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (1–12).
 * @example
 * daysInMonth(2023, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parts of a real calendar date in `YYYY-MM-DD` form (years 1000–9999), or null.
 * @example
 * dateParts('2024-02-29') // { year: 2024, month: 2, day: 29 }
 * dateParts('2023-02-29') // null
 */
export function dateParts(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 * @example
 * isIsoDate('2017-07-18') // true
 * isIsoDate('2017-7-18') // false
 */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && dateParts(value) !== null;
}

/**
 * Formats parts as `YYYY-MM-DD`.
 * @example
 * formatDate(2017, 7, 18) // '2017-07-18'
 */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber(date: string): number {
  const p = dateParts(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Adds (or subtracts) calendar days.
 * @example
 * addDays('2024-02-28', 1) // '2024-02-29'
 */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example
 * daysBetween('2025-01-01', '2025-01-31') // 30
 */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Adds whole years. A 29 February start lands on 28 February in a common year: 民法典第二百零二条,
 * “按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日”.
 * @example
 * addYears('2024-02-29', 2) // '2026-02-28'
 */
export function addYears(date: string, years: number): string {
  const p = dateParts(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  const year = p.year + years;
  return formatDate(year, p.month, Math.min(p.day, daysInMonth(year, p.month)));
}

/**
 * Adds whole months, with the same month-end rule as `addYears` (民法典第二百零二条).
 * @example
 * addMonths('2025-08-31', 6) // '2026-02-28'
 */
export function addMonths(date: string, months: number): string {
  const p = dateParts(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 * @example
 * isoWeekday('2025-10-11') // 6 (a Saturday)
 */
export function isoWeekday(date: string): number {
  const dow = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/**
 * Today's civil date in China (UTC+8, no daylight saving). The only clock read in this package,
 * used as a default; pass `today` explicitly wherever a result must be reproducible.
 * @example
 * todayInChina(new Date('2025-12-31T16:30:00Z')) // '2026-01-01'
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
