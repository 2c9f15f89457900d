/**
 * zh-CN display formats used across the site.
 */

/**
 * `YYYY-MM-DD` → `2026年11月27日` (parsed as text: no time zone can shift the date).
 * @example
 * formatDateZh('2026-11-27') // '2026年11月27日'
 */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * An ISO timestamp as Beijing time, `2026年11月27日 14:05`.
 * @example
 * formatDateTimeZh('2026-11-27T06:05:00Z') // '2026年11月27日 14:05'
 */
export function formatDateTimeZh(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const bj = new Date(t + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${bj.getUTCFullYear()}-${pad(bj.getUTCMonth() + 1)}-${pad(bj.getUTCDate())}`;
  return `${formatDateZh(date)} ${pad(bj.getUTCHours())}:${pad(bj.getUTCMinutes())}`;
}

/**
 * A count with thousands separators, `12,345`.
 * @example
 * formatCount(12345) // '12,345'
 */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}
