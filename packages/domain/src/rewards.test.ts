import { describe, expect, it } from 'vitest';
import {
  isRewardInForce,
  orderOfRegistration,
  rewardDecisionDeadline,
  rewardDueFen,
  rewardPayable,
  rewardPaymentDecision,
  rewardTermsOf,
  rewardTermsText,
} from './rewards.ts';

describe('法释〔2017〕8号 art. 21: the written application', () => {
  it('is decided within ten days of receipt (the period starts the next day)', () => {
    expect(rewardDecisionDeadline('2026-03-02')).toBe('2026-03-12');
    expect(rewardDecisionDeadline('2026-12-28')).toBe('2027-01-07');
  });

  it('states a sum or a formula, exactly one of them', () => {
    expect(rewardTermsOf({ amountFen: 500000 })).toEqual({
      ok: true,
      terms: { kind: 'amount', fen: 500000 },
    });
    expect(rewardTermsOf({ ratePercent: 10 })).toEqual({ ok: true, terms: { kind: 'rate', percent: 10 } });
    expect(rewardTermsOf({}).ok).toBe(false);
    expect(rewardTermsOf({ amountFen: 1, ratePercent: 1 }).ok).toBe(false);
    expect(rewardTermsOf({ amountFen: -5 }).ok).toBe(false);
    expect(rewardTermsOf({ ratePercent: 120 }).ok).toBe(false);
  });
});

describe('art. 22: the notice states the sum or formula', () => {
  it('prints the terms as a sentence', () => {
    expect(rewardTermsText({ kind: 'amount', fen: 5_000_000 })).toBe('悬赏金 50,000 元');
    expect(rewardTermsText({ kind: 'rate', percent: 10 })).toBe('按实际执行到位金额的 10% 支付悬赏金');
  });

  it('is in force only while published, within its period and while its listing is published', () => {
    const notice = { status: 'published' as const, startsOn: '2026-01-01', endsOn: '2026-06-30' };
    expect(isRewardInForce(notice, true, '2026-03-01')).toBe(true);
    expect(isRewardInForce(notice, true, '2026-07-01')).toBe(false);
    expect(isRewardInForce(notice, false, '2026-03-01')).toBe(false);
    expect(isRewardInForce({ ...notice, status: 'draft' }, true, '2026-03-01')).toBe(false);
  });
});

describe('art. 23: registration in the order leads were given', () => {
  it('puts the earlier of two identical leads first', () => {
    const rows = [
      { storedAt: new Date('2026-03-01T10:00:01Z'), registrationNo: 2, who: 'later' },
      { storedAt: new Date('2026-03-01T10:00:00Z'), registrationNo: 1, who: 'earlier' },
    ];
    expect(orderOfRegistration(rows).map((r) => r.who)).toEqual(['earlier', 'later']);
  });
});

describe('art. 24: who is paid', () => {
  it('never pays the creditor’s agent or a person obliged to report', () => {
    expect(
      rewardPayable({ leadWasNew: true, recoveredFen: 100, excludedRole: 'creditor_agent' }).payable,
    ).toBe(false);
    expect(
      rewardPayable({ leadWasNew: true, recoveredFen: 100, excludedRole: 'obliged_to_report' }).payable,
    ).toBe(false);
  });

  it('pays only for a lead new to the court that led to recovery, by the notice’s terms', () => {
    expect(rewardPayable({ leadWasNew: false, recoveredFen: 100, excludedRole: null }).payable).toBe(false);
    expect(rewardPayable({ leadWasNew: true, recoveredFen: 0, excludedRole: null }).payable).toBe(false);
    expect(rewardPayable({ leadWasNew: true, recoveredFen: 100, excludedRole: null }).payable).toBe(true);
    expect(rewardDueFen({ kind: 'rate', percent: 10 }, 123_456)).toBe(12_345);
    expect(rewardDueFen({ kind: 'amount', fen: 500 }, 123_456)).toBe(500);
  });
});

describe('法释〔2017〕8号 arts. 23–24: paying a registered claim', () => {
  const claim = {
    registrationNo: 2,
    sameLeadAs: null,
    leadWasNew: true,
    recoveredFen: 1_000_000,
    relation: 'unrelated' as const,
  };

  it('pays the informant by the notice’s terms', () => {
    expect(rewardPaymentDecision({ kind: 'rate', percent: 10 }, claim)).toMatchObject({
      payable: true,
      amountFen: 100_000,
    });
    expect(rewardPaymentDecision({ kind: 'amount', fen: 500_000 }, claim)).toMatchObject({
      payable: true,
      amountFen: 500_000,
    });
  });

  it('never pays the creditor’s agent or a person obliged to report, whatever was recovered', () => {
    for (const relation of ['creditor_agent', 'obliged_to_report'] as const) {
      const out = rewardPaymentDecision({ kind: 'amount', fen: 500_000 }, { ...claim, relation });
      expect(out.payable).toBe(false);
      expect(out.reason).toMatch(/第二十四条/);
    }
  });

  it('pays the earlier of two registrations that gave the same lead, not the later one', () => {
    expect(rewardPaymentDecision({ kind: 'amount', fen: 1 }, { ...claim, sameLeadAs: 1 })).toEqual({
      payable: false,
      reason: '第 1 号登记在先提供了相同线索，悬赏金应向在先提供者发放（第二十三条）。',
    });
    expect(rewardPaymentDecision({ kind: 'amount', fen: 1 }, { ...claim, sameLeadAs: 3 }).payable).toBe(true);
  });

  it('refuses an amount that rounds to nothing', () => {
    expect(rewardPaymentDecision({ kind: 'rate', percent: 1 }, { ...claim, recoveredFen: 50 }).payable).toBe(
      false,
    );
  });
});
