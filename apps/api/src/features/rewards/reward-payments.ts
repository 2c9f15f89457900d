import type { RewardPaymentCreate } from '@portal/contract';
import { appendAudit, newId } from '@portal/db';
import { listings, type RewardPaymentRow, rewardNotices, rewardPayments, tips } from '@portal/db/schema';
import { type RewardTerms, rewardPaymentDecision, todayInChina } from '@portal/domain';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { assertCanActOnUnit } from '../staff/staff-auth.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export function paymentView(p: RewardPaymentRow) {
  return {
    id: p.id,
    rewardId: p.rewardNoticeId,
    registrationNo: p.registrationNo,
    tipId: p.tipId,
    recoveredFen: p.recoveredFen,
    amountFen: p.amountFen,
    paidOn: p.paidOn,
  };
}

/**
 * Records the 悬赏金 paid on one registered claim (法释〔2017〕8号 arts. 23–24): the domain rules
 * decide whether it is payable and how much; the payee is the claim's informant, whose identity
 * stays sealed with the tip (paying reveals nothing here). At most one payment per claim; audited.
 */
export async function recordRewardPayment(
  deps: Deps,
  principal: StaffPrincipal,
  rewardId: string,
  registrationNo: number,
  input: RewardPaymentCreate,
) {
  if (principal.role === 'custodian')
    throw new ApiError('FORBIDDEN', { message: '身份信息保管人不处理悬赏事务。' });
  return deps.db.transaction(async (tx) => {
    const [notice] = await tx
      .select({ n: rewardNotices, unitId: listings.unitId })
      .from(rewardNotices)
      .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
      .where(eq(rewardNotices.id, rewardId));
    if (!notice) throw new ApiError('NOT_FOUND', { message: '未找到该悬赏。' });
    assertCanActOnUnit(principal, notice.unitId);
    if (notice.n.status === 'draft')
      throw new ApiError('INVALID_STATE', { message: '悬赏公告尚未发布，没有可发放的登记。' });
    // the claim row is locked: two staff recording the same payment at once get one 201, one 409
    const [claim] = await tx
      .select({ id: tips.id, hasContact: tips.hasContact })
      .from(tips)
      .where(and(eq(tips.rewardNoticeId, rewardId), eq(tips.registrationNo, registrationNo)))
      .for('update');
    if (!claim)
      throw new ApiError('NOT_FOUND', {
        field: 'registrationNo',
        message: `该悬赏没有第 ${registrationNo} 号登记。`,
      });
    const [paid] = await tx.select().from(rewardPayments).where(eq(rewardPayments.tipId, claim.id));
    if (paid) throw new ApiError('REWARD_ALREADY_PAID', { details: { payment: paymentView(paid) } });
    if (!claim.hasContact)
      throw new ApiError('REWARD_NOT_PAYABLE', {
        message: '该登记的举报人未留下姓名和电话，无法向其发放悬赏金。',
      });
    if (input.sameLeadAs !== null) {
      const [other] = await tx
        .select({ id: tips.id })
        .from(tips)
        .where(and(eq(tips.rewardNoticeId, rewardId), eq(tips.registrationNo, input.sameLeadAs)));
      if (!other || input.sameLeadAs === registrationNo)
        throw new ApiError('VALIDATION_FAILED', {
          field: 'sameLeadAs',
          message: `该悬赏没有可比对的第 ${input.sameLeadAs} 号登记。`,
        });
    }
    const terms: RewardTerms =
      notice.n.amountFen !== null
        ? { kind: 'amount', fen: notice.n.amountFen }
        : { kind: 'rate', percent: Number(notice.n.ratePercent) };
    const decision = rewardPaymentDecision(terms, {
      registrationNo,
      sameLeadAs: input.sameLeadAs,
      leadWasNew: input.leadWasNew,
      recoveredFen: input.recoveredFen,
      relation: input.informantRelation,
    });
    if (!decision.payable) throw new ApiError('REWARD_NOT_PAYABLE', { message: decision.reason });
    const paidOn = input.paidOn ?? todayInChina(deps.now());
    if (paidOn > todayInChina(deps.now()))
      throw new ApiError('VALIDATION_FAILED', { field: 'paidOn', message: '发放日期不能晚于今天。' });
    const [row] = await tx
      .insert(rewardPayments)
      .values({
        id: newId('RP'),
        rewardNoticeId: rewardId,
        tipId: claim.id,
        registrationNo,
        recoveredFen: input.recoveredFen,
        amountFen: decision.amountFen,
        paidOn,
        note: input.note ?? null,
        paidBy: principal.staffId,
      })
      .returning();
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'reward.pay',
      entity: 'reward',
      entityId: rewardId,
      // amounts and the registration only: the informant's identity never enters the audit log
      details: {
        registrationNo,
        tipId: claim.id,
        amountFen: decision.amountFen,
        recoveredFen: input.recoveredFen,
        informantRelation: input.informantRelation,
      },
    });
    return paymentView(row!);
  });
}
