/**
 * 悬赏公告 (reward notices): 最高人民法院《关于民事执行中财产调查若干问题的规定》(法释〔2017〕8号)
 * arts. 21–24. Only the creditor applies, in writing; the court decides within ten days; the
 * notice states the sum or the formula and the conditions; informants are registered in the order
 * their leads arrive; their identities stay confidential; some persons are never paid. Pure.
 */
import { addDays } from './dates.ts';

/** Art. 21 para. 2: the court decides within ten days of receiving the written application. */
export const REWARD_DECISION_DAYS = 10;

/**
 * The last day of the decision period (the period starts the day after receipt, 民事诉讼法第八十五条).
 * @example
 * rewardDecisionDeadline('2026-03-02') // '2026-03-12'
 */
export function rewardDecisionDeadline(receivedOn: string): string {
  return addDays(receivedOn, REWARD_DECISION_DAYS);
}

/** Art. 21 para. 1 / art. 22: a fixed sum, or a formula (here: a percentage of what is recovered). */
export type RewardTerms = { kind: 'amount'; fen: number } | { kind: 'rate'; percent: number };

/**
 * Art. 21 para. 1 (1): the application states the sum or how to compute it. Exactly one of the two.
 * @example
 * rewardTermsOf({ amountFen: 500000 }) // { ok: true, terms: { kind: 'amount', fen: 500000 } }
 */
export function rewardTermsOf(input: {
  amountFen?: number | null;
  ratePercent?: number | null;
}): { ok: true; terms: RewardTerms } | { ok: false; message: string } {
  const hasAmount = input.amountFen !== undefined && input.amountFen !== null;
  const hasRate = input.ratePercent !== undefined && input.ratePercent !== null;
  if (hasAmount === hasRate)
    return { ok: false, message: '请填写悬赏金数额或计算比例，二者择一（法释〔2017〕8号第二十一条）。' };
  if (hasAmount) {
    const fen = input.amountFen as number;
    if (!Number.isInteger(fen) || fen <= 0) return { ok: false, message: '悬赏金数额应为正数（以分计）。' };
    return { ok: true, terms: { kind: 'amount', fen } };
  }
  const percent = input.ratePercent as number;
  if (!(percent > 0 && percent <= 100)) return { ok: false, message: '悬赏比例应在 0 到 100% 之间。' };
  return { ok: true, terms: { kind: 'rate', percent } };
}

/** The sentence a notice and a poster print for the terms. */
export function rewardTermsText(terms: RewardTerms): string {
  if (terms.kind === 'amount') return `悬赏金 ${(terms.fen / 100).toLocaleString('zh-CN')} 元`;
  return `按实际执行到位金额的 ${terms.percent}% 支付悬赏金`;
}

/** Art. 22 para. 2: where a notice may be published. */
export const REWARD_VENUES = [
  'national_platform',
  'court_weibo_wechat',
  'court_board',
  'residence',
  'other_media',
] as const;
export type RewardVenue = (typeof REWARD_VENUES)[number];
export const REWARD_VENUE_LABELS: Readonly<Record<RewardVenue, string>> = {
  national_platform: '全国法院执行悬赏公告平台',
  court_weibo_wechat: '法院微博、微信等媒体平台',
  court_board: '执行法院公告栏',
  residence: '被执行人住所地、经常居住地',
  other_media: '申请执行人申请的其他媒体平台（费用由其承担）',
};

/**
 * Whether a published notice is in force on `today`: within its period, and its listing still
 * published (a notice ends with its period or its listing).
 */
export function isRewardInForce(
  notice: { status: 'draft' | 'published' | 'ended'; startsOn: string; endsOn: string },
  listingPublished: boolean,
  today: string,
): boolean {
  return (
    notice.status === 'published' && listingPublished && notice.startsOn <= today && today <= notice.endsOn
  );
}

/**
 * Art. 23 para. 1: leads are registered in the order given; the earlier of two identical leads
 * comes first. Sorts registrations by the time they were stored, then by their number.
 */
export function orderOfRegistration<T extends { storedAt: Date; registrationNo: number }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort(
    (a, b) => a.storedAt.getTime() - b.storedAt.getTime() || a.registrationNo - b.registrationNo,
  );
}

/** Art. 24 para. 2: who is never paid a reward. */
export const REWARD_EXCLUDED_ROLES = ['creditor_agent', 'obliged_to_report'] as const;
export type RewardExcludedRole = (typeof REWARD_EXCLUDED_ROLES)[number];

/**
 * Art. 24: a reward is paid only when the lead was new to the court and led to (partial) recovery,
 * and never to the creditor's agent or a person obliged to report assets.
 */
export function rewardPayable(claim: {
  leadWasNew: boolean;
  recoveredFen: number;
  excludedRole: RewardExcludedRole | null;
}): { payable: boolean; reason: string } {
  if (claim.excludedRole === 'creditor_agent')
    return { payable: false, reason: '提供线索的是申请执行人的代理人，不予发放（第二十四条）。' };
  if (claim.excludedRole === 'obliged_to_report')
    return { payable: false, reason: '提供线索的是有义务向法院报告财产的人员，不予发放（第二十四条）。' };
  if (!claim.leadWasNew) return { payable: false, reason: '该线索法院已经掌握，不予发放（第二十四条）。' };
  if (claim.recoveredFen <= 0) return { payable: false, reason: '债权尚未因该线索得以实现（第二十四条）。' };
  return { payable: true, reason: '符合悬赏公告的发放条件（第二十四条）。' };
}

/** The amount due for a payable claim under the terms, in fen (a rate applies to what was recovered). */
export function rewardDueFen(terms: RewardTerms, recoveredFen: number): number {
  return terms.kind === 'amount' ? terms.fen : Math.floor((recoveredFen * terms.percent) / 100);
}

/**
 * Who the informant of a claim is, as staff established it before paying: only an informant
 * unrelated to the duty to report and not acting for the creditor is paid (art. 24 para. 2).
 */
export const INFORMANT_RELATIONS = ['unrelated', 'creditor_agent', 'obliged_to_report'] as const;
export type InformantRelation = (typeof INFORMANT_RELATIONS)[number];

/**
 * Whether a registered claim is paid and how much (arts. 23–24): never to an excluded person, only
 * for a new lead that led to recovery, and, when an earlier registration gave the same lead, to
 * the earlier one (art. 23 para. 1). The amount follows the notice's terms and must be positive.
 * @example
 * rewardPaymentDecision({ kind: 'rate', percent: 10 }, { registrationNo: 2, sameLeadAs: null, leadWasNew: true, recoveredFen: 100_000, relation: 'unrelated' })
 * // { payable: true, amountFen: 10_000, reason: '符合悬赏公告的发放条件（第二十四条）。' }
 */
export function rewardPaymentDecision(
  terms: RewardTerms,
  claim: {
    registrationNo: number;
    /** another registration that gave the same lead, if staff found one */
    sameLeadAs: number | null;
    leadWasNew: boolean;
    recoveredFen: number;
    relation: InformantRelation;
  },
): { payable: true; amountFen: number; reason: string } | { payable: false; reason: string } {
  const rule = rewardPayable({
    leadWasNew: claim.leadWasNew,
    recoveredFen: claim.recoveredFen,
    excludedRole: claim.relation === 'unrelated' ? null : claim.relation,
  });
  if (!rule.payable) return { payable: false, reason: rule.reason };
  if (claim.sameLeadAs !== null && claim.sameLeadAs < claim.registrationNo)
    return {
      payable: false,
      reason: `第 ${claim.sameLeadAs} 号登记在先提供了相同线索，悬赏金应向在先提供者发放（第二十三条）。`,
    };
  const amountFen = rewardDueFen(terms, claim.recoveredFen);
  if (amountFen <= 0) return { payable: false, reason: '按悬赏公告的计算方式，应发放金额不足 1 分。' };
  return { payable: true, amountFen, reason: rule.reason };
}
