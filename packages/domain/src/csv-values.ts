/**
 * Cell converters for spreadsheet values that differ from the API's canonical forms.
 */
import { dateParts, formatDate } from './dates.ts';
import { toHalfWidth } from './text-normalize.ts';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Reads a date as staff type it or as Excel exports it: 2017-07-18, 2017/7/18, 2017.7.18,
 * 2017年7月18日, 20170718, with or without a trailing time (2017/7/18 0:00), or an Excel serial
 * number (42934). Null when none of these gives a real date.
 * @example
 * parseLooseDate('2017年7月18日') // '2017-07-18'
 * parseLooseDate('42934') // '2017-07-18'
 */
export function parseLooseDate(text: string): string | null {
  const s = toHalfWidth(text)
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return dateParts(iso) ? iso : null;
  }
  m = /^(\d{5})$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}
