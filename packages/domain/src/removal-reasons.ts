/**
 * Why a listing leaves the list (法释〔2017〕7号 arts. 9, 10 and 12). In every case the court must
 * act within three working days (see `removalDeadline`).
 */
import type { RemovalReason } from './listing-types.ts';

export interface RemovalReasonInfo {
  code: RemovalReason;
  label: string;
  /** Article of 法释〔2017〕7号 the reason rests on. */
  legalGround: string;
}

export const REMOVAL_REASONS: readonly RemovalReasonInfo[] = [
  {
    code: 'performed',
    label: '被执行人已履行生效法律文书确定的义务或人民法院已执行完毕',
    legalGround: '第十条第一款第（一）项',
  },
  { code: 'settled', label: '当事人达成执行和解协议且已履行完毕', legalGround: '第十条第一款第（二）项' },
  {
    code: 'withdrawn',
    label: '申请执行人书面申请删除失信信息，人民法院审查同意',
    legalGround: '第十条第一款第（三）项',
  },
  {
    code: 'no_assets',
    label:
      '终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产，且申请执行人或者其他人未提供有效财产线索',
    legalGround: '第十条第一款第（四）项',
  },
  {
    code: 'suspended',
    label: '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行',
    legalGround: '第十条第一款第（五）项',
  },
  { code: 'not_enforced', label: '人民法院依法裁定不予执行', legalGround: '第十条第一款第（六）项' },
  { code: 'terminated', label: '人民法院依法裁定终结执行', legalGround: '第十条第一款第（七）项' },
  {
    code: 'revoked',
    label: '不应纳入失信被执行人名单，人民法院撤销失信决定',
    legalGround: '第九条、第十二条',
  },
  { code: 'expired', label: '纳入期限届满', legalGround: '第十条第二款' },
];

/**
 * True for one of the nine removal reasons of CONTRACT.md.
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
