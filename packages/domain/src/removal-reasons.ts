/**
 * Why a listing leaves the list (法释〔2017〕7号 arts. 2, 9, 10 and 12), and which reasons apply
 * to which listings:
 * - art. 10 ¶1: seven grounds for listings WITHOUT a term (category 1);
 * - art. 10 ¶2: “有纳入期限的，不适用前款规定”: listings with a term (categories 2–6) end at
 *   expiry, or earlier when the defaulter actively performs or corrects the conduct (art. 2 ¶2);
 * - arts. 9 and 12: a wrong listing is revoked, whatever its category.
 * In every case the court must act within three working days (see `removalDeadline`).
 * After a removal on the creditor's written request (¶1 (三)), that creditor's request to list the
 * same defaulter again within six months is refused (¶4); the court itself may re-list (¶3).
 */
import { categoryOf } from './categories.ts';
import { addMonths, isIsoDate } from './dates.ts';
import { type FieldError, fieldError } from './errors.ts';
import type { CategoryCode, RemovalReason } from './listing-types.ts';
import { cleanText, toHalfWidth } from './text-normalize.ts';

/** Which listings a reason applies to: without a term (category 1), with a term (2–6), or all. */
export type RemovalReasonScope = 'untermed' | 'termed' | 'all';

export interface RemovalReasonInfo {
  code: RemovalReason;
  label: string;
  /** Article of 法释〔2017〕7号 the reason rests on. */
  legalGround: string;
  appliesTo: RemovalReasonScope;
}

export const REMOVAL_REASONS: readonly RemovalReasonInfo[] = [
  {
    code: 'performed',
    label: '被执行人已履行生效法律文书确定的义务或人民法院已执行完毕',
    legalGround: '第十条第一款第（一）项',
    appliesTo: 'untermed',
  },
  {
    code: 'settled',
    label: '当事人达成执行和解协议且已履行完毕',
    legalGround: '第十条第一款第（二）项',
    appliesTo: 'untermed',
  },
  {
    code: 'withdrawn',
    label: '申请执行人书面申请删除失信信息，人民法院审查同意',
    legalGround: '第十条第一款第（三）项',
    appliesTo: 'untermed',
  },
  {
    code: 'no_assets',
    label:
      '终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产，且申请执行人或者其他人未提供有效财产线索',
    legalGround: '第十条第一款第（四）项',
    appliesTo: 'untermed',
  },
  {
    code: 'suspended',
    label: '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行',
    legalGround: '第十条第一款第（五）项',
    appliesTo: 'untermed',
  },
  {
    code: 'not_enforced',
    label: '人民法院依法裁定不予执行',
    legalGround: '第十条第一款第（六）项',
    appliesTo: 'untermed',
  },
  {
    code: 'terminated',
    label: '人民法院依法裁定终结执行',
    legalGround: '第十条第一款第（七）项',
    appliesTo: 'untermed',
  },
  {
    code: 'revoked',
    label: '不应纳入失信被执行人名单，人民法院撤销失信决定',
    legalGround: '第九条、第十二条',
    appliesTo: 'all',
  },
  { code: 'expired', label: '纳入期限届满', legalGround: '第十条第二款', appliesTo: 'termed' },
  {
    code: 'active_performance',
    label: '失信被执行人积极履行生效法律文书确定义务或主动纠正失信行为，人民法院决定提前删除',
    legalGround: '第二条第二款',
    appliesTo: 'termed',
  },
];

/**
 * True for one of the removal reasons of CONTRACT.md.
 * @example
 * isRemovalReason('performed') // true
 * isRemovalReason('paid') // false
 */
export function isRemovalReason(v: unknown): v is RemovalReason {
  return typeof v === 'string' && REMOVAL_REASONS.some((r) => r.code === v);
}

/**
 * zh-CN label of a removal reason.
 * @example
 * removalReasonLabel('expired') // '纳入期限届满'
 */
export function removalReasonLabel(code: RemovalReason): string {
  return REMOVAL_REASONS.find((r) => r.code === code)!.label;
}

function scopeOf(category: CategoryCode): 'untermed' | 'termed' {
  return categoryOf(category).hasFixedTerm ? 'termed' : 'untermed';
}

/**
 * The reasons that can end a listing of this category, in display order (for the staff form).
 * @example
 * removalReasonsFor(3).map((r) => r.code) // ['revoked', 'expired', 'active_performance']
 */
export function removalReasonsFor(category: CategoryCode): RemovalReasonInfo[] {
  const scope = scopeOf(category);
  return REMOVAL_REASONS.filter((r) => r.appliesTo === 'all' || r.appliesTo === scope);
}

/**
 * The problem with removing a listing of `category` for `reason`, or null when the law allows it.
 * @example
 * validateRemovalReason('performed', { category: 1 }) // null
 * validateRemovalReason('performed', { category: 3 })?.code // 'REMOVAL_REASON_NOT_APPLICABLE'
 */
export function validateRemovalReason(
  reason: unknown,
  listing: { category: CategoryCode },
): FieldError | null {
  if (!isRemovalReason(reason)) return fieldError('reason', 'INVALID_REMOVAL_REASON');
  const info = REMOVAL_REASONS.find((r) => r.code === reason)!;
  const scope = scopeOf(listing.category);
  if (info.appliesTo === 'all' || info.appliesTo === scope) return null;
  const message =
    scope === 'termed'
      ? '有纳入期限的失信信息不适用第十条第一款的删除情形（第十条第二款）：期限届满时删除，或因失信被执行人积极履行、主动纠正失信行为提前删除（第二条第二款）；错误纳入的，撤销失信决定。'
      : '第一项情形（有履行能力而拒不履行）没有纳入期限，不能以期限届满或提前删除为由删除，应依照第十条第一款的情形删除。';
  return fieldError('reason', 'REMOVAL_REASON_NOT_APPLICABLE', message);
}

/** A past removal of the same defaulter, as the relisting rule needs it. */
export interface RemovalHistoryEntry {
  reason: RemovalReason;
  /** date of removal (`YYYY-MM-DD`) */
  removedOn: string;
  /** the creditor (申请执行人) who asked for the removal, for `withdrawn` */
  creditor?: string | null;
}

/** Months after a removal at the creditor's request during which that creditor cannot have the defaulter listed again. */
export const RELISTING_BAR_MONTHS = 6;

export interface RelistingRefusal extends FieldError {
  code: 'RELISTING_REFUSED';
  /** last day of the bar: a request from the next day on is admissible */
  barredUntil: string;
}

/**
 * Art. 10 ¶4: refuses a listing requested by a creditor within six months after a removal that
 * this creditor asked for in writing (¶1 (三)). The period starts the day after the removal and
 * ends on the corresponding day six months later (民法典第二百零一、二百零二条). A listing the court
 * decides on its own motion (`creditor` absent) is not barred (¶3), nor one requested by another
 * creditor. `history` holds the defaulter's past removals (any order).
 * @example
 * relistingRefusal({ creditor: '海南某银行', requestDate: '2025-03-01' },
 *   [{ reason: 'withdrawn', removedOn: '2025-01-10', creditor: '海南某银行' }])?.barredUntil // '2025-07-10'
 */
export function relistingRefusal(
  request: { creditor?: string | null; requestDate: string },
  history: readonly RemovalHistoryEntry[],
): RelistingRefusal | null {
  if (!isIsoDate(request.requestDate))
    throw new RangeError(`relistingRefusal: not an ISO date: ${request.requestDate}`);
  const creditor = sameParty(request.creditor);
  if (creditor === '') return null;
  let latest: string | null = null;
  for (const entry of history) {
    if (entry.reason !== 'withdrawn' || sameParty(entry.creditor) !== creditor) continue;
    if (entry.removedOn > request.requestDate) continue;
    const until = addMonths(entry.removedOn, RELISTING_BAR_MONTHS);
    if (request.requestDate <= until && (latest === null || until > latest)) latest = until;
  }
  if (latest === null) return null;
  return {
    field: 'applicant',
    code: 'RELISTING_REFUSED',
    message: `申请执行人曾书面申请删除该被执行人的失信信息，${latest}以前（删除后六个月内）其申请再次纳入的，不予支持（第十条第四款）。`,
    barredUntil: latest,
  };
}

/** Longest creditor name accepted (as for `applicant` in a draft). */
export const CREDITOR_MAX_LENGTH = 100;

/**
 * The creditor (申请执行人) whose written request removes a listing (art. 10 ¶1 (三)), recorded
 * with the removal because the six-month bar (¶4) applies to that creditor alone. For `withdrawn`:
 * the creditor named in the request (`given`) when there is one; otherwise the listing's
 * applicant (a case can have several creditors, and only the one who asked is barred); required
 * when the listing has no applicant (listed by the court on its own motion: someone else asked).
 * For every other reason no creditor may be given (it would bar nobody and mislead).
 * @example
 * removalCreditor('withdrawn', undefined, { applicant: '海南某银行' }) // { ok: true, value: '海南某银行' }
 * removalCreditor('withdrawn', '李四', { applicant: '海南某银行' }) // { ok: true, value: '李四' }
 * removalCreditor('performed', '李四', { applicant: null }).ok // false
 */
export function removalCreditor(
  reason: RemovalReason,
  given: unknown,
  listing: { applicant: string | null },
): { ok: true; value: string | null } | { ok: false; error: FieldError } {
  if (given !== undefined && given !== null && typeof given !== 'string')
    return { ok: false, error: fieldError('creditor', 'INVALID_TYPE') };
  const name = typeof given === 'string' ? cleanText(given) : '';
  if (reason !== 'withdrawn') {
    if (name === '') return { ok: true, value: null };
    return {
      ok: false,
      error: fieldError(
        'creditor',
        'FIELD_NOT_ALLOWED',
        '只有依申请执行人书面申请删除（第十条第一款第（三）项）时才填写申请删除的申请执行人。',
      ),
    };
  }
  if (name.length > CREDITOR_MAX_LENGTH) return { ok: false, error: fieldError('creditor', 'TOO_LONG') };
  if (name !== '') return { ok: true, value: name };
  if (listing.applicant) return { ok: true, value: listing.applicant };
  return {
    ok: false,
    error: fieldError(
      'creditor',
      'REQUIRED',
      '请填写书面申请删除的申请执行人（第十条第一款第（三）项）：该信息由法院依职权纳入，没有记录申请执行人；该申请执行人六个月内再次申请纳入的，不予支持（第十条第四款）。',
    ),
  };
}

/** Comparable form of a party's name: cleaned, no spaces, full-width brackets as in registers. */
function sameParty(name: string | null | undefined): string {
  return cleanText(name ?? '')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/**
 * Reads the day the ground for removal arose (`eventDate`, art. 10: the three working days run
 * from it): today when absent; not in the future and not before the case was filed.
 * @example
 * readRemovalEventDate(undefined, { today: '2025-06-01', filedAt: '2017-03-02' }) // { ok: true, value: '2025-06-01' }
 * readRemovalEventDate('2025-06-02', { today: '2025-06-01', filedAt: '2017-03-02' }).ok // false
 */
export function readRemovalEventDate(
  v: unknown,
  opts: { today: string; filedAt: string },
): { ok: true; value: string } | { ok: false; error: FieldError } {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))
    return { ok: true, value: opts.today };
  const text = typeof v === 'string' ? toHalfWidth(v).trim() : v;
  if (!isIsoDate(text)) return { ok: false, error: fieldError('eventDate', 'INVALID_DATE') };
  if (text > opts.today)
    return {
      ok: false,
      error: fieldError('eventDate', 'DATE_IN_FUTURE', `删除事由发生日期不能晚于今天（${opts.today}）。`),
    };
  if (text < opts.filedAt)
    return { ok: false, error: fieldError('eventDate', 'DATE_ORDER', '删除事由发生日期不能早于立案日期。') };
  return { ok: true, value: text };
}
