import { auditLog, tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { todayInChina } from '@portal/domain';
import { sql } from 'drizzle-orm';
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

describe.each(backends())('悬赏 notices on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    await addCustodian(t);
    listingId = await publishedListing(t, 'U-A');
  });
  afterEach(() => t?.close());

  const application = (overrides: Record<string, unknown> = {}) => ({
    listingId,
    amountFen: 5_000_000,
    conditions: ['提供法院尚未掌握的财产线索', '因该线索使债权得以全部或部分实现'],
    startsAt: day(-1),
    endsAt: day(30),
    applicantName: '李债权',
    applicantKind: 'person',
    ...overrides,
  });

  async function publishedNotice(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.request('/api/v1/admin/rewards', { ...json(application(overrides)), token: 'unitA' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(
      (await t.request(`/api/v1/admin/rewards/${id}/publish`, { method: 'POST', token: 'unitA' })).status,
    ).toBe(200);
    return id;
  }

  it('records the application with the ten-day decision clock (art. 21) and publishes the notice (art. 22)', async () => {
    const res = await t.request('/api/v1/admin/rewards', {
      ...json(application({ applicationReceivedOn: day(-3) })),
      token: 'unitA',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; status: string; decisionDeadline: string };
    expect(created).toMatchObject({
      status: 'draft',
      decisionDeadline: todayInChina(new Date(Date.now() + 7 * 86_400_000)),
    });
    expect(((await (await t.request('/api/v1/rewards')).json()) as { total: number }).total).toBe(0);
    const staffList = (await (await t.request('/api/v1/admin/rewards', { token: 'unitA' })).json()) as {
      items: { decisionDaysLeft: number; status: string }[];
    };
    expect(staffList.items[0]).toMatchObject({ status: 'draft', decisionDaysLeft: 7 });
    expect(
      (await t.request(`/api/v1/admin/rewards/${created.id}/publish`, { method: 'POST', token: 'unitB' }))
        .status,
    ).toBe(403);
    expect(
      (await t.request(`/api/v1/admin/rewards/${created.id}/publish`, { method: 'POST', token: 'unitA' }))
        .status,
    ).toBe(200);
    expect(
      (await t.request(`/api/v1/admin/rewards/${created.id}/publish`, { method: 'POST', token: 'unitA' }))
        .status,
    ).toBe(409);
    const pub = (await (await t.request('/api/v1/rewards')).json()) as {
      items: Record<string, unknown>[];
      total: number;
    };
    expect(pub.total).toBe(1);
    expect(pub.items[0]).toMatchObject({
      id: created.id,
      listingId,
      termsText: '悬赏金 50,000 元',
      applicantName: null,
    });
    // a private creditor's name is never public
    expect(JSON.stringify(pub)).not.toContain('李债权');
    expect((await t.request(`/api/v1/rewards/${created.id}`)).status).toBe(200);
    const actions = (await t.rt.deps.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['reward.apply', 'reward.publish']));
  });

  it('refuses an application without a sum or formula, with both, or ending before it starts', async () => {
    for (const bad of [
      { amountFen: undefined },
      { ratePercent: 10 },
      { endsAt: day(-5) },
      { conditions: [] },
      { promiseToPay: false },
    ]) {
      const res = await t.request('/api/v1/admin/rewards', { ...json(application(bad)), token: 'unitA' });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(
      (await t.request('/api/v1/admin/rewards', { ...json(application()), token: 'unitB' })).status,
    ).toBe(403);
    expect(
      (await t.request('/api/v1/admin/rewards', { ...json(application()), token: CUSTODIAN_TOKEN })).status,
    ).toBe(403);
    expect(
      ((await (await t.request('/api/v1/admin/rewards', { token: 'admin' })).json()) as { total: number })
        .total,
    ).toBe(0);
  });

  it('serves a poster while in force, and ends the notice with its listing (404 everywhere)', async () => {
    const id = await publishedNotice({
      applicantKind: 'org',
      applicantName: '海南某银行股份有限公司',
      ratePercent: 10,
      amountFen: undefined,
    });
    const poster = await t.request(`/api/v1/screens/rewards/${id}.png`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/png');
    const detail = (await (await t.request(`/api/v1/rewards/${id}`)).json()) as {
      applicantName: string;
      termsText: string;
    };
    expect(detail).toMatchObject({
      applicantName: '海南某银行股份有限公司',
      termsText: '按实际执行到位金额的 10% 支付悬赏金',
    });
    const removed = await t.request(`/api/v1/admin/listings/${listingId}/remove`, {
      ...json({ reason: 'performed' }),
      token: 'admin',
    });
    expect(removed.status).toBe(200);
    await t.rt.drainPublisher();
    expect((await t.request(`/api/v1/rewards/${id}`)).status).toBe(404);
    expect((await t.request(`/api/v1/screens/rewards/${id}.png`)).status).toBe(404);
    expect(((await (await t.request('/api/v1/rewards')).json()) as { total: number }).total).toBe(0);
  });

  it('ends a notice with its period, and refuses claims on it', async () => {
    const id = await publishedNotice({ startsAt: day(-10), endsAt: day(-1) }).catch(() => null);
    expect(id).toBeNull(); // an expired period cannot be published
    const current = await publishedNotice({ endsAt: day(0) });
    expect((await t.request(`/api/v1/rewards/${current}`)).status).toBe(200);
  });

  it('numbers claims 1, 2, 3… per notice in the order stored, requires a contact, and keeps identities out of the register', async () => {
    const id = await publishedNotice();
    const claim = (i: number) =>
      submit(
        t,
        tipBody(listingId, {
          rewardNoticeId: id,
          contactName: `举报人${i}`,
          contactPhone: `1391234${String(i).padStart(4, '0')}`,
        }),
      );
    const noContact = await submit(t, tipBody(listingId, { rewardNoticeId: id }));
    expect(noContact.res.status).toBe(400);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => claim(i)));
    expect(results.map((r) => r.res.status)).toEqual(Array(30).fill(201));
    const numbers = results.map((r) => r.body.registrationNo as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const register = (await (
      await t.request(`/api/v1/admin/rewards/${id}/claims`, { token: 'unitA' })
    ).json()) as {
      items: { registrationNo: number; registeredAt: string }[];
    };
    expect(register.items.map((c) => c.registrationNo)).toEqual(numbers);
    // commit order: registration times never go backwards as numbers go up
    const times = register.items.map((c) => Date.parse(c.registeredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(JSON.stringify(register)).not.toMatch(/举报人|1391234/);
    expect((await t.request(`/api/v1/admin/rewards/${id}/claims`, { token: 'unitB' })).status).toBe(403);
    // a tip on another listing cannot claim this notice; a plain tip gets no number
    const other = await publishedListing(t, 'U-A');
    const wrong = await submit(
      t,
      tipBody(other, { rewardNoticeId: id, contactName: '甲', contactPhone: '13900000000' }),
    );
    expect(wrong.res.status).toBe(404);
    expect(await t.rt.deps.db.$count(tips)).toBe(30);
  });

  it('leaves no gap when a claim fails inside its transaction after drawing its number', async () => {
    const id = await publishedNotice();
    // injected rollback: the tip insert (after the number is drawn) fails for one description
    await t.rt.deps.db.execute(sql`
      create function fail_marked_tip() returns trigger language plpgsql as $$
      begin
        if new.description = '注入失败' then raise exception 'injected failure'; end if;
        return new;
      end $$`);
    await t.rt.deps.db.execute(
      sql`create trigger fail_marked_tip before insert on tips for each row execute function fail_marked_tip()`,
    );
    const claim = (description: string) =>
      submit(
        t,
        tipBody(listingId, {
          rewardNoticeId: id,
          contactName: '甲',
          contactPhone: '13900000000',
          description,
        }),
      );
    expect((await claim('第一条')).body.registrationNo).toBe(1);
    expect((await claim('注入失败')).res.status).toBe(500);
    const results = await Promise.all([claim('第三条'), claim('注入失败'), claim('第四条')]);
    expect(results.map((r) => r.res.status).sort()).toEqual([201, 201, 500]);
    expect(
      results
        .map((r) => r.body.registrationNo)
        .filter(Boolean)
        .sort(),
    ).toEqual([2, 3]);
  });
});
