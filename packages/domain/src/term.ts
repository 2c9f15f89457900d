/**
 * Listing terms (法释〔2017〕7号 art. 2): categories 2–6 are listed for two years, extendable by
 * one to three years (“可以延长一至三年”); category 1 has no fixed term.
 *
 * `termEndsAt` is the LAST day the listing may stay published: the period starts the day after
 * `listedAt` (民法典第二百零一条) and ends on the corresponding date two years later (第二百零二条).
 * A 29 February listing date ends on 28 February of a common year (“没有对应日的，月末日为期间的
 * 最后一日”). From the next day the listing is expired and must be removed within three working
 * days (art. 10 para. 2); we remove it automatically.
 */
import { addYears, isIsoDate } from './dates.ts';
import { type FieldError, fieldError } from './errors.ts';
import type { CategoryCode } from './listing-types.ts';

export const BASE_TERM_YEARS = 2;
export const MAX_TERM_EXTENSION_YEARS = 3;

/**
 * The problem with a term extension, or null when it is acceptable: an integer 0–3, and 0 for
 * category 1 (which has no term to extend).
 * @example
 * validateTermExtension(2, 3) // null
 * validateTermExtension(1, 1)?.code // 'INVALID_TERM_EXTENSION'
 */
export function validateTermExtension(category: CategoryCode, extensionYears: unknown): FieldError | null {
  const field = 'termExtensionYears';
  if (extensionYears === undefined || extensionYears === null || extensionYears === 0) return null;
  if (typeof extensionYears !== 'number' || !Number.isInteger(extensionYears)) {
    return fieldError(field, 'INVALID_TERM_EXTENSION', '延长期限应为1至3的整数（年）。');
  }
  if (extensionYears < 0 || extensionYears > MAX_TERM_EXTENSION_YEARS) {
    return fieldError(field, 'INVALID_TERM_EXTENSION', '延长期限只能是1至3年。');
  }
  if (category === 1) {
    return fieldError(
      field,
      'INVALID_TERM_EXTENSION',
      '第一项情形（有履行能力而拒不履行）没有固定期限，不能延长。',
    );
  }
  return null;
}

/**
 * Last day of the listing term, or null for category 1. Throws RangeError on an invalid date
 * or extension (validate input with `validateTermExtension` first).
 * @example
 * termEndsAt(2, '2017-07-18') // '2019-07-18'
 * termEndsAt(3, '2024-02-29', 1) // '2027-02-28'
 * termEndsAt(1, '2017-07-18') // null
 */
export function termEndsAt(category: CategoryCode, listedAt: string, extensionYears = 0): string | null {
  if (!isIsoDate(listedAt)) throw new RangeError(`termEndsAt: not an ISO date: ${listedAt}`);
  if (validateTermExtension(category, extensionYears)) {
    throw new RangeError(`termEndsAt: invalid extension ${extensionYears} for category ${category}`);
  }
  if (category === 1) return null;
  return addYears(listedAt, BASE_TERM_YEARS + extensionYears);
}

/**
 * True once the term is over: `today` is after the last day. A null term never expires.
 * @example
 * isExpired('2019-07-18', '2019-07-18') // false
 * isExpired('2019-07-18', '2019-07-19') // true
 */
export function isExpired(termEnd: string | null, today: string): boolean {
  return termEnd !== null && today > termEnd;
}
