import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { addCustodian, CUSTODIAN_TOKEN } from '../tips/tips-testing.ts';
import { CAMPAIGN_PERIOD, seedCampaignPeriod } from './campaign-fixture.ts';

const NOW = new Date('2026-11-27T02:00:00Z');
const url = (q: Record<string, string> = CAMPAIGN_PERIOD) =>
  `/api/v1/admin/campaign?${new URLSearchParams(q).toString()}`;

describe.each(backends())('campaign figures on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend, {}, { now: () => NOW });
    await seedCampaignPeriod(t.rt.deps.db, { a: 'U-A', b: 'U-B', staffId: 'S-ADMIN' });
  });
  afterEach(async () => {
    await t.close();
  });

  async function report(token = 'admin', q?: Record<string, string>) {
    const res = await t.request(url(q), { token });
    expect(res.status).toBe(200);
    return (await res.json()) as import('@portal/contract').CampaignReport;
  }

  it('counts listings published and removed in the period by China-time day, 涉民生 first, with amounts', async () => {
    const r = await report();
    expect(r.period).toEqual({ ...CAMPAIGN_PERIOD, days: 63 });
    expect(r.scope).toBe('court');
    // L1, L2, L4, L7 (23:30 on the last day), L8; not L6 (09:00 the day after) nor L3/L5 (earlier)
    expect(r.published).toEqual({
      count: 5,
      amountFen: 615_000,
      livelihood: 1,
      livelihoodAmountFen: 100_000,
    });
    // L1 (performed) and L3 (withdrawn); L4 was removed after the period
    expect(r.removed).toEqual({ count: 2, amountFen: 150_000, livelihood: 2, livelihoodAmountFen: 150_000 });
    expect(r.performed).toEqual({ count: 1, amountFen: 100_000 });
    expect(r.livelihood).toMatchObject({
      published: 1,
      removed: 2,
      performed: 1,
      performedAmountFen: 100_000,
    });
    expect(r.removedByReason.map((x) => [x.reason, x.count, x.amountFen])).toEqual([
      ['performed', 1, 100_000],
      ['withdrawn', 1, 50_000],
    ]);
    expect(r.removedByReason[0]?.label).toMatch(/履行/);
  });

  it('counts tips received, opened, verified (also when closed since) and leading to recovery, and 悬赏', async () => {
    const r = await report();
    expect(r.tips).toMatchObject({ received: 4, opened: 3, verified: 2, recovery: 2 });
    expect(r.tips.byKind).toEqual([
      { kind: 'asset', label: '财产线索', count: 2 },
      { kind: 'whereabouts', label: '下落线索', count: 1 },
      { kind: 'consumption', label: '违反限制消费', count: 1 },
      { kind: 'other', label: '其他线索', count: 0 },
    ]);
    expect(r.rewards).toEqual({ published: 1, amountFen: 500_000, rateNotices: 0, claims: 1 });
  });

  it('measures deadlines in working days: removals, correction fixes and tips opened, per unit and overall', async () => {
    const r = await report();
    expect(r.deadlines.removals).toMatchObject({ met: 1, late: 1, overdue: 1, pending: 0 });
    expect(r.deadlines.corrections).toMatchObject({ met: 1, late: 0, overdue: 1, pending: 0 });
    // T1, T5 in time; T2 opened Tuesday after a Friday arrival (due Monday); T3 never opened
    expect(r.deadlines.tipsOpened).toMatchObject({ met: 2, late: 1, overdue: 1, pending: 0 });
    expect(r.deadlines.overall).toMatchObject({ met: 4, late: 2, overdue: 3 });
    expect(r.deadlines.overall.rate).toBeCloseTo(4 / 9);
  });

  it('ranks the units as a leaderboard and lists unassigned cases last, unranked', async () => {
    const r = await report();
    expect(r.units.map((u) => [u.rank, u.name])).toEqual([
      [1, '执行一组'],
      [2, '执行二组'],
      [null, '未分配执行单元'],
    ]);
    const [a, b, none] = r.units;
    expect(a).toMatchObject({
      published: 2,
      publishedAmountFen: 300_000,
      livelihoodPublished: 1,
      removed: 2,
      performed: 1,
      tipsReceived: 2,
      tipsVerified: 1,
      tipsRecovery: 1,
    });
    expect(a?.complianceRate).toBeCloseTo(3 / 5);
    expect(b).toMatchObject({ published: 2, publishedAmountFen: 310_000, removed: 0, rewardClaims: 1 });
    expect(b?.complianceRate).toBeCloseTo(1 / 4);
    expect(none).toMatchObject({ unitId: null, published: 1, publishedAmountFen: 5_000 });
  });

  it('shows a unit member its own unit only', async () => {
    const r = await report('unitA');
    expect(r.scope).toBe('unit');
    expect(r.units.map((u) => u.name)).toEqual(['执行一组']);
    expect(r.published.count).toBe(2);
    expect(r.tips.received).toBe(2);
    expect(r.rewards.claims).toBe(0);
    expect(JSON.stringify(r)).not.toContain('执行二组');
  });

  it('says when the figures count demo listings (演示数据), and not otherwise', async () => {
    expect((await report()).demo).toBe(true); // the fixture's listings are marked demo
    expect((await report('admin', { from: '2016-01-01', to: '2016-01-31' })).demo).toBe(false);
  });

  it('an empty period answers zeros and no rate, not 100 %', async () => {
    const r = await report('admin', { from: '2016-01-01', to: '2016-01-31' });
    expect(r.published.count).toBe(0);
    expect(r.deadlines.overall.rate).toBeNull();
    expect(r.units.every((u) => u.complianceRate === null)).toBe(true);
  });

  it('never carries names, ID numbers or tip contents', async () => {
    const text = JSON.stringify(await report());
    expect(text).not.toContain('演示CPL');
    expect(text).not.toContain('线索内容');
  });

  describe('refusals', () => {
    const bad = async (q: Record<string, string>, token = 'admin') => {
      const res = await t.request(`/api/v1/admin/campaign?${new URLSearchParams(q).toString()}`, { token });
      return {
        status: res.status,
        body: (await res.json()) as { error: { code: string; field?: string; message: string } },
      };
    };

    it('rejects an impossible date in zh-CN, naming the parameter', async () => {
      const { status, body } = await bad({ from: '2017-02-30', to: '2017-09-18' });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'INVALID_PARAMETER', field: 'from' });
      expect(body.error.message).toBe('开始日期应为有效日期（YYYY-MM-DD），如 2017-07-18。');
    });

    it('rejects a missing end date', async () => {
      const { status, body } = await bad({ from: '2017-07-18' });
      expect(status).toBe(400);
      expect(body.error.field).toBe('to');
      expect(body.error.message).toContain('结束日期');
    });

    it('rejects an end before the start and a period longer than two years', async () => {
      const reversed = await bad({ from: '2017-09-18', to: '2017-07-18' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.error).toMatchObject({ field: 'to', message: '结束日期不能早于开始日期。' });
      const long = await bad({ from: '2010-01-01', to: '2017-01-01' });
      expect(long.status).toBe(400);
      expect(long.body.error.message).toContain('最长 731 天');
    });

    it('rejects an unknown parameter', async () => {
      const { status, body } = await bad({ ...CAMPAIGN_PERIOD, unit: 'U-B' });
      expect(status).toBe(400);
      expect(body.error.field).toBe('unit');
    });

    it('refuses a custodian (403) and an anonymous caller (401)', async () => {
      await addCustodian(t);
      const custodian = await bad(CAMPAIGN_PERIOD, CUSTODIAN_TOKEN);
      expect(custodian.status).toBe(403);
      expect(custodian.body.error.code).toBe('FORBIDDEN');
      const anonymous = await t.request(url());
      expect(anonymous.status).toBe(401);
    });
  });
});
