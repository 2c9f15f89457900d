/**
 * Age in 周岁 (full years) as Chinese law counts it.
 *
 * Convention: 最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》第二条:
 * “周岁，按照公历的年、月、日计算，从周岁生日的第二天起算。” So a person is 18 周岁 from the day
 * AFTER the 18th birthday; on the birthday itself they are still 17 (a minor).
 *
 * 29 February births: in a common year the anniversary falls on the last day of February
 * (民法典第二百零二条: “没有对应日的，月末日为期间的最后一日”), i.e. 28 February, so the new age
 * starts on 1 March. In a leap year the birthday is 29 February and the new age starts on 1 March
 * too. Someone born 2008-02-29 is therefore 17 on 2026-02-28 and 18 from 2026-03-01.
 */
import { dateParts } from './dates.ts';

/** The age below which nobody may be listed (法释〔2017〕7号 art. 4). */
export const AGE_OF_MAJORITY = 18;

/**
 * Whole years of age (周岁) on `onDate`, counted from the day after each birthday.
 * Throws RangeError on a malformed date or when `onDate` is before `birthDate`.
 * @example
 * ageOn('2008-07-18', '2026-07-18') // 17 (18th birthday: still 17)
 * ageOn('2008-07-18', '2026-07-19') // 18
 */
export function ageOn(birthDate: string, onDate: string): number {
  const b = dateParts(birthDate);
  const d = dateParts(onDate);
  if (!b || !d) throw new RangeError(`ageOn expects ISO dates, got ${birthDate} and ${onDate}`);
  if (onDate < birthDate) throw new RangeError(`${onDate} is before the birth date ${birthDate}`);
  // Comparing month-day keys: 02-28 <= 02-29 keeps a 29 Feb child at the old age on 28 Feb of a
  // common year, and 03-01 > 02-29 gives the new age on 1 March, as documented above.
  const birthKey = b.month * 100 + b.day;
  const dayKey = d.month * 100 + d.day;
  const years = d.year - b.year;
  return dayKey > birthKey ? years : Math.max(0, years - 1);
}

/**
 * True when the person is under 18 周岁 on `onDate` (including on the 18th birthday itself).
 * @example
 * isMinorOn('2008-07-18', '2026-07-18') // true
 * isMinorOn('2008-07-18', '2026-07-19') // false
 */
export function isMinorOn(birthDate: string, onDate: string): boolean {
  return ageOn(birthDate, onDate) < AGE_OF_MAJORITY;
}
