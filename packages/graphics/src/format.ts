import { todayInChina } from '@portal/domain';

/**
 * `2026年11月27日` for an instant, in China Standard Time.
 * @example formatDateZh(new Date('2026-11-27T02:00:00Z')) // '2026年11月27日'
 */
export function formatDateZh(at: Date): string {
  return formatIsoDateZh(todayInChina(at));
}

/**
 * `2026年11月27日` for a calendar date `YYYY-MM-DD` (no time zone involved).
 * @example formatIsoDateZh('2026-03-05') // '2026年3月5日'
 */
export function formatIsoDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Integer with thousands separators (counts on the statistics slide). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
