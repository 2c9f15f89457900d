import { describe, expect, it } from 'vitest';
import { rewardPaymentCreateRoute, rewardPaymentCreateSchema } from './rewards.ts';

describe('悬赏金 payment schema (art. 24)', () => {
  const valid = { recoveredFen: 100_000, leadWasNew: true, informantRelation: 'unrelated' };

  it('needs what art. 24 turns on: the recovery, whether the lead was new, and who the informant is', () => {
    expect(rewardPaymentCreateSchema.parse(valid)).toEqual({ ...valid, sameLeadAs: null });
    const missing = rewardPaymentCreateSchema.safeParse({});
    expect(missing.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'informantRelation',
      'leadWasNew',
      'recoveredFen',
    ]);
    expect(missing.error!.issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
  });

  it('refuses a payee other than the claim’s informant, negative or fractional sums, and an unknown relation', () => {
    expect(rewardPaymentCreateSchema.safeParse({ ...valid, payee: '申请执行人' }).success).toBe(false);
    expect(rewardPaymentCreateSchema.safeParse({ ...valid, recoveredFen: -1 }).success).toBe(false);
    expect(rewardPaymentCreateSchema.safeParse({ ...valid, recoveredFen: 1.5 }).success).toBe(false);
    expect(
      rewardPaymentCreateSchema.safeParse({ ...valid, informantRelation: 'creditor' }).error?.issues[0]
        ?.message,
    ).toMatch(/creditor_agent/);
    expect(rewardPaymentCreateSchema.parse({ ...valid, paidOn: '2026-11-30T10:00:00+08:00' }).paidOn).toBe(
      '2026-11-30',
    );
  });

  it('is a staff route on one registered claim', () => {
    expect(rewardPaymentCreateRoute.path).toBe('/api/v1/admin/rewards/{id}/claims/{registrationNo}/payment');
    expect(rewardPaymentCreateRoute.request.params.safeParse({ id: 'R1', registrationNo: '0' }).success).toBe(
      false,
    );
    expect(
      rewardPaymentCreateRoute.request.params.parse({ id: 'R1', registrationNo: '12' }).registrationNo,
    ).toBe(12);
  });
});
