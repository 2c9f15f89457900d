import { auditLog, rewardPayments } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { todayInChina } from '@portal/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import {
  addCustodian,
  CUSTODIAN_TOKEN,
  json,
  publishedListing,
  submit,
  tipBody,
} from '../tips/tips-testing.ts';

const day = (offset: number) => todayInChina(new Date(Date.now() + offset * 86_400_000));

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describe.each(backends())('悬赏金 payments (arts. 23–24) on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    await addCustodian(t);
    listingId = await publishedListing(t, 'U-A');
  });
  afterEach(() => t?.close());

  async function notice(terms: Record<string, unknown>, publish = true): Promise<string> {
    const res = await t.request('/api/v1/admin/rewards', {
      ...json({
        listingId,
        conditions: ['提供法院尚未掌握的财产线索'],
        startsAt: day(-1),
        endsAt: day(30),
        ...terms,
      }),
      token: 'unitA',
    });
    const { id } = (await res.json()) as { id: string };
    if (publish) await t.request(`/api/v1/admin/rewards/${id}/publish`, { method: 'POST', token: 'unitA' });
    return id;
  }
  const claim = async (id: string, i: number) => {
    const { res, body } = await submit(
      t,
      tipBody(listingId, {
        rewardNoticeId: id,
        contactName: `举报人${i}`,
        contactPhone: `1391234${String(i).padStart(4, '0')}`,
        description: `线索 ${i}：他的车停在海口。`,
      }),
    );
    expect(res.status).toBe(201);
    return body.registrationNo as number;
  };
  const pay = (id: string, no: number | string, body: Record<string, unknown>, token = 'unitA') =>
    t.request(`/api/v1/admin/rewards/${id}/claims/${no}/payment`, { ...json(body), token });
  const valid = { recoveredFen: 2_000_000, leadWasNew: true, informantRelation: 'unrelated' };

  it('records a payment to the informant by the notice’s terms, shows it in the register, and audits it without the identity', async () => {
    const id = await notice({ ratePercent: 10 });
    await claim(id, 1);
    const res = await pay(id, 1, { ...valid, paidOn: day(0), note: '已转账' });
    expect(res.status).toBe(201);
    const payment = (await res.json()) as { amountFen: number; registrationNo: number; paidOn: string };
    expect(payment).toMatchObject({
      amountFen: 200_000,
      registrationNo: 1,
      recoveredFen: 2_000_000,
      paidOn: day(0),
    });
    const register = (await (
      await t.request(`/api/v1/admin/rewards/${id}/claims`, { token: 'unitA' })
    ).json()) as {
      items: { registrationNo: number; payment: { amountFen: number } | null }[];
    };
    expect(register.items[0]!.payment?.amountFen).toBe(200_000);
    const audit = await t.rt.deps.db.select().from(auditLog);
    const entry = audit.find((a) => a.action === 'reward.pay');
    expect(entry).toMatchObject({ actor: 'S-A', entityId: id });
    expect(JSON.stringify(audit)).not.toMatch(/举报人1|13912340001/);
  });

  it('never pays the creditor’s agent or a person obliged to report, an old lead, a claim without recovery, or a later copy of an earlier lead; nothing is stored', async () => {
    const id = await notice({ amountFen: 500_000 });
    await claim(id, 1);
    await claim(id, 2);
    const refusals: [Record<string, unknown>, number, RegExp][] = [
      [{ ...valid, informantRelation: 'creditor_agent' }, 1, /代理人.*第二十四条/],
      [{ ...valid, informantRelation: 'obliged_to_report' }, 1, /报告财产.*第二十四条/],
      [{ ...valid, leadWasNew: false }, 1, /已经掌握/],
      [{ ...valid, recoveredFen: 0 }, 1, /尚未.*实现/],
      [{ ...valid, sameLeadAs: 1 }, 2, /第 1 号登记在先.*第二十三条/],
    ];
    for (const [body, no, message] of refusals) {
      const res = await pay(id, no, body);
      const err = (await res.json()) as ErrorBody;
      expect(res.status, JSON.stringify(err)).toBe(409);
      expect(err.error.code).toBe('REWARD_NOT_PAYABLE');
      expect(err.error.message).toMatch(message);
    }
    expect(await t.rt.deps.db.$count(rewardPayments)).toBe(0);
    // the earlier registration of the same lead is the one paid
    expect((await pay(id, 1, { ...valid, sameLeadAs: 2 })).status).toBe(201);
  });

  it('pays a claim once: a second payment, even sent at the same time, answers 409', async () => {
    const id = await notice({ amountFen: 500_000 });
    await claim(id, 1);
    const both = await Promise.all([pay(id, 1, valid), pay(id, 1, valid)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const again = await pay(id, 1, valid);
    expect(((await again.json()) as ErrorBody).error.code).toBe('REWARD_ALREADY_PAID');
    expect(await t.rt.deps.db.$count(rewardPayments)).toBe(1);
  });

  it('refuses bad input, unknown claims, drafts, other units and the custodian with zh-CN errors, and stores nothing', async () => {
    const id = await notice({ amountFen: 500_000 });
    await claim(id, 1);
    const draft = await notice({ amountFen: 100 }, false);
    const cases: [Response, number, string, string | undefined][] = [
      [await pay(id, 1, { ...valid, recoveredFen: -1 }), 400, 'VALIDATION_FAILED', 'recoveredFen'],
      [
        await pay(id, 1, { ...valid, informantRelation: 'creditor' }),
        400,
        'VALIDATION_FAILED',
        'informantRelation',
      ],
      [
        await pay(id, 1, { recoveredFen: 100, informantRelation: 'unrelated' }),
        400,
        'VALIDATION_FAILED',
        'leadWasNew',
      ],
      [await pay(id, 1, { ...valid, payee: '张三' }), 400, 'VALIDATION_FAILED', undefined],
      [await pay(id, 1, { ...valid, paidOn: day(3) }), 400, 'VALIDATION_FAILED', 'paidOn'],
      [await pay(id, 1, { ...valid, sameLeadAs: 9 }), 400, 'VALIDATION_FAILED', 'sameLeadAs'],
      [await pay(id, 'one', valid), 400, 'INVALID_PARAMETER', 'registrationNo'],
      [await pay(id, 7, valid), 404, 'NOT_FOUND', 'registrationNo'],
      [await pay('R-none', 1, valid), 404, 'NOT_FOUND', undefined],
      [await pay(draft, 1, valid), 409, 'INVALID_STATE', undefined],
      [await pay(id, 1, valid, 'unitB'), 403, 'FORBIDDEN', undefined],
      [await pay(id, 1, valid, CUSTODIAN_TOKEN), 403, 'FORBIDDEN', undefined],
    ];
    for (const [res, status, code, field] of cases) {
      const body = (await res.json()) as ErrorBody;
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      if (field) expect(body.error.field).toBe(field);
    }
    expect(await t.rt.deps.db.$count(rewardPayments)).toBe(0);
    expect((await t.rt.deps.db.select().from(auditLog)).some((a) => a.action === 'reward.pay')).toBe(false);
  });
});
