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
import type { CategoryCode, ListingStatus, TermExtensionGround } from './listing-types.ts';
import { toHalfWidth } from './text-normalize.ts';

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
    return fieldError(field, 'INVALID_TERM_EXTENSION', '延长期限应为 1 至 3 的整数（年）。');
  }
  if (extensionYears < 0 || extensionYears > MAX_TERM_EXTENSION_YEARS) {
    return fieldError(field, 'INVALID_TERM_EXTENSION', '延长期限只能是 1 至 3 年。');
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

/** The two grounds on which art. 2 allows a longer term (“可以延长一至三年”). */
export const TERM_EXTENSION_GROUNDS: readonly {
  code: TermExtensionGround;
  label: string;
  legalGround: string;
}[] = [
  {
    code: 'violent_obstruction',
    label: '以暴力、威胁方法妨碍、抗拒执行情节严重',
    legalGround: '第二条第一款',
  },
  { code: 'multiple_defaults', label: '具有多项失信行为', legalGround: '第二条第一款' },
];

/**
 * Reads an extension ground: its code, its legal wording, or the short words staff write
 * (暴力抗拒执行, 多项失信). Null for anything else: art. 2 names no other ground.
 * @example
 * parseTermExtensionGround('具有多项失信行为') // 'multiple_defaults'
 * parseTermExtensionGround('拒不申报财产') // null
 */
export function parseTermExtensionGround(v: unknown): TermExtensionGround | null {
  if (typeof v !== 'string') return null;
  const s = toHalfWidth(v).replace(/[\s、，,。的]/g, '');
  if (s === 'violent_obstruction' || s === 'multiple_defaults') return s;
  if (/^以?(暴力或?威胁|暴力|威胁)(方法)?(妨碍或?抗拒|抗拒|妨碍)执行(情节严重)?$/.test(s))
    return 'violent_obstruction';
  if (/^(具有)?多项失信(行为)?$/.test(s)) return 'multiple_defaults';
  return null;
}

/**
 * First day the term counts from: the date of the listing decision (art. 5: “决定书…自作出之日起
 * 生效”) when recorded, else the listing date.
 * @example
 * termStartDate({ decisionDate: '2017-07-10', listedAt: '2017-07-18' }) // '2017-07-10'
 */
export function termStartDate(listing: { decisionDate?: string | null; listedAt: string }): string {
  return listing.decisionDate ?? listing.listedAt;
}

/**
 * Last day of a listing's term, counted from its decision date (see `termStartDate`).
 * @example
 * listingTermEndsAt({ category: 3, decisionDate: '2017-07-10', listedAt: '2017-07-18' }) // '2019-07-10'
 */
export function listingTermEndsAt(listing: {
  category: CategoryCode;
  decisionDate?: string | null;
  listedAt: string;
  termExtensionYears?: number | null;
}): string | null {
  return termEndsAt(listing.category, termStartDate(listing), listing.termExtensionYears ?? 0);
}

/**
 * The listing date to store for a draft: the one staff gave, or null so that publication fills in
 * the publication date (drafts and CSV rows without a listing date are listed when published,
 * not when imported), then `listedAtOnPublication` at publication.
 * @example
 * storedListedAt({ listedAt: '2025-06-01', listedAtGiven: false }) // null
 */
export function storedListedAt(draft: { listedAt: string; listedAtGiven: boolean }): string | null {
  return draft.listedAtGiven ? draft.listedAt : null;
}

/**
 * The listing date a listing gets when it is published: its stored date, else the publication date.
 * @example
 * listedAtOnPublication(null, '2025-07-01') // '2025-07-01'
 */
export function listedAtOnPublication(stored: string | null | undefined, publicationDate: string): string {
  return stored ?? publicationDate;
}

export interface TermExtensionRequest {
  years: unknown;
  ground: unknown;
  decisionNo: unknown;
  decisionDate: unknown;
}

export type TermExtensionResult =
  | {
      ok: true;
      termExtensionYears: number;
      /** null for a draft whose term has not started (no decision or listing date yet) */
      termEndsAt: string | null;
      ground: TermExtensionGround;
    }
  | { ok: false; errors: FieldError[] };

/**
 * Extends the term of a draft or published listing (art. 2: 1–3 years, only for violent
 * obstruction or several defaults, by a court decision). Extensions add up to at most 3 years, and
 * a term can only be extended while it runs (a decision made after the last day comes too late).
 * The new end is counted from the term's start, like the first one.
 * @example
 * extendListingTerm(
 *   { status: 'published', category: 2, listedAt: '2024-03-01', termExtensionYears: 0 },
 *   { years: 1, ground: 'violent_obstruction', decisionNo: '（2025）琼9003执恢3号', decisionDate: '2025-05-01' },
 *   { today: '2025-06-01' },
 * ) // { ok: true, termExtensionYears: 1, termEndsAt: '2027-03-01', ground: 'violent_obstruction' }
 */
export function extendListingTerm(
  listing: {
    status: ListingStatus;
    category: CategoryCode;
    listedAt: string | null;
    decisionDate?: string | null;
    termExtensionYears?: number | null;
  },
  request: TermExtensionRequest,
  opts: { today: string },
): TermExtensionResult {
  const errors: FieldError[] = [];
  const err = (
    field: string,
    message: string,
    code: 'INVALID_TERM_EXTENSION' | 'INVALID_DATE' | 'REQUIRED' = 'INVALID_TERM_EXTENSION',
  ) => errors.push(fieldError(field, code, message));
  if (listing.status === 'removed') err('termExtensionYears', '已删除的失信信息不能延长纳入期限。');
  if (listing.category === 1)
    err('termExtensionYears', '第一项情形（有履行能力而拒不履行）没有固定期限，不能延长。');
  const already = listing.termExtensionYears ?? 0;
  const years = typeof request.years === 'string' ? Number(toHalfWidth(request.years).trim()) : request.years;
  if (
    typeof years !== 'number' ||
    !Number.isInteger(years) ||
    years < 1 ||
    years > MAX_TERM_EXTENSION_YEARS
  ) {
    err('termExtensionYears', '延长期限应为 1 至 3 的整数（年）。');
  } else if (already + years > MAX_TERM_EXTENSION_YEARS) {
    err(
      'termExtensionYears',
      `纳入期限合计最多延长 ${MAX_TERM_EXTENSION_YEARS} 年，已延长 ${already} 年，本次最多还能延长 ${MAX_TERM_EXTENSION_YEARS - already} 年。`,
    );
  }
  const ground = parseTermExtensionGround(request.ground);
  if (ground === null) errors.push(fieldError('termExtensionGround', 'INVALID_TERM_EXTENSION_GROUND'));
  const decisionNo = typeof request.decisionNo === 'string' ? request.decisionNo.trim() : '';
  if (decisionNo === '') err('termExtensionDecisionNo', '请填写延长纳入期限的决定书文号。', 'REQUIRED');
  const decisionDate =
    typeof request.decisionDate === 'string' ? toHalfWidth(request.decisionDate).trim() : '';
  if (!isIsoDate(decisionDate))
    err('termExtensionDecisionDate', '请按“2017-07-18”的格式填写决定日期。', 'INVALID_DATE');
  else if (decisionDate > opts.today)
    err('termExtensionDecisionDate', `决定日期不能晚于今天（${opts.today}）。`, 'INVALID_DATE');
  if (errors.length > 0 || ground === null || typeof years !== 'number') return { ok: false, errors };

  const start = listing.listedAt ?? listing.decisionDate;
  if (!start) return { ok: true, termExtensionYears: already + years, termEndsAt: null, ground };
  const startDate = termStartDate({ decisionDate: listing.decisionDate ?? null, listedAt: start });
  const currentEnd = addYears(startDate, BASE_TERM_YEARS + already);
  if (decisionDate > currentEnd) {
    err('termExtensionDecisionDate', `纳入期限已于 ${currentEnd} 届满，届满后不能再延长。`);
    return { ok: false, errors };
  }
  if (decisionDate < startDate) {
    err('termExtensionDecisionDate', '延长决定不能早于纳入决定。', 'INVALID_DATE');
    return { ok: false, errors };
  }
  const total = already + years;
  return {
    ok: true,
    termExtensionYears: total,
    termEndsAt: addYears(startDate, BASE_TERM_YEARS + total),
    ground,
  };
}
