import type { PublicListing } from '@portal/domain';

/**
 * A 悬赏 notice (财产调查规定 arts. 21–25) as the poster needs it. Only the creditor applies;
 * the notice states the reward or its formula and the conditions. Contact is the court's own
 * public line: a party's phone or address never appears, and neither does the creditor's name
 * (a private creditor is not published; the notice is the court's).
 * UNFINISHED: move to `@portal/domain` when the tip-off work defines the stored notice.
 */
export interface RewardNotice {
  id: string;
  caseNo: string;
  court: string;
  /** public fields of the defaulter only (art. 6) */
  defaulter: Pick<
    PublicListing,
    'kind' | 'name' | 'gender' | 'age' | 'idNumberMasked' | 'uscc' | 'legalRepresentative' | 'amountOwedFen'
  >;
  /** a fixed amount in fen, or a formula such as "按实际执行到位金额的10%支付" */
  reward: { kind: 'amount'; fen: number } | { kind: 'formula'; text: string };
  /** conditions for paying the reward, one sentence each */
  conditions: string[];
  /** last day leads are accepted, `YYYY-MM-DD` */
  deadline: string;
  /** the court's public phone line */
  courtPhone: string;
  /** `YYYY-MM-DD` */
  publishedAt: string;
  demo: boolean;
}
