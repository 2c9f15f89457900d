import { addDays, daysBetween } from '@portal/domain';

/**
 * A span of calendar days in China time (UTC+8, no daylight saving) as the instants that bound
 * it: `[start, end)`, so `to` is included whole. Dates are checked by the contract beforehand.
 *
 * @example
 * chinaDaySpan('2017-07-18', '2017-09-18').start.toISOString() // '2017-07-17T16:00:00.000Z'
 */
export function chinaDaySpan(from: string, to: string): { start: Date; end: Date; days: number } {
  return {
    start: new Date(`${from}T00:00:00+08:00`),
    end: new Date(`${addDays(to, 1)}T00:00:00+08:00`),
    days: daysBetween(from, to) + 1,
  };
}
