import { appendAudit } from '@portal/db';
import { listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { todayInChina } from '@portal/domain';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { addCustodian, CUSTODIAN_TOKEN, json } from '../tips/tips-testing.ts';

interface Page {
  items: {
    seq: number;
    actor: string;
    actorName: string | null;
    action: string;
    entityId: string;
    reason: string | null;
    details: unknown;
  }[];
  total: number;
  page: number;
  pageSize: number;
}
interface ErrorBody {
  error: { code: string; field?: string; message: string };
}

describe.each(backends())('audit browser on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  let otherId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    const create = async (unitId: string) =>
      (
        (await (
          await t.request('/api/v1/admin/listings', { ...json(personDraft({ unitId })), token: 'admin' })
        ).json()) as { id: string }
      ).id;
    listingId = await create('U-A');
    otherId = await create('U-B');
    await t.request(`/api/v1/admin/listings/${listingId}/publish`, { method: 'POST', token: 'unitA' });
    await t.request(`/api/v1/admin/listings/${otherId}/publish`, { method: 'POST', token: 'admin' });
    await t.request(`/api/v1/admin/listings/${listingId}/remove`, {
      ...json({ reason: 'performed' }),
      token: 'unitA',
    });
  });
  afterEach(async () => {
    await t.close();
  });

  const get = async (query: string, token = 'admin') => {
    const res = await t.request(`/api/v1/admin/audit${query}`, { token });
    return { status: res.status, body: (await res.json()) as Page & ErrorBody };
  };

  it('lists the chain newest first, with the staff member’s name', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThanOrEqual(3);
    const seqs = body.items.map((i) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(body.items[0]).toMatchObject({ action: 'listing.remove', actor: 'S-A', actorName: '一组书记员' });
  });

  it('filters by listing: its own entries only, not the other listing’s', async () => {
    const { body } = await get(`?listingId=${listingId}`);
    expect(body.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['listing.publish', 'listing.remove']),
    );
    expect(body.items.every((i) => JSON.stringify(i).includes(listingId))).toBe(true);
    expect(body.items.some((i) => i.entityId === otherId)).toBe(false);
  });

  it('filters by actor and pages', async () => {
    const { body } = await get('?actor=S-A');
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    expect(body.items.every((i) => i.actor === 'S-A')).toBe(true);
    const first = await get('?pageSize=1&page=1');
    const second = await get('?pageSize=1&page=2');
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items[0]!.seq).toBe(first.body.items[0]!.seq - 1);
    expect(first.body.total).toBe((await get('')).body.total);
  });

  it('filters by China-time date range', async () => {
    const today = todayInChina(new Date());
    expect((await get(`?from=${today}&to=${today}`)).body.total).toBe((await get('')).body.total);
    expect((await get('?from=2017-07-18&to=2017-09-18')).body.total).toBe(0);
  });

  it('never shows a phone number, a full ID number or a contact, even where an entry holds one', async () => {
    await appendAudit(t.rt.deps.db, {
      actor: 'S-ADMIN',
      action: 'tip.identity.request',
      entity: 'tip',
      entityId: 'T-X',
      reason: '请回电 13907550000 核实',
      details: {
        contactPhone: '13907550000',
        contactName: '符举报',
        note: '身份证 460103198001011234 电话 0898-12345678',
      },
    });
    // a correction request: its requester's contact is read by staff (and that read is audited)
    await t.request(
      '/api/v1/corrections',
      json({
        listingId: otherId,
        grounds: 'inaccurate',
        requesterName: '符申请',
        requesterPhone: '13907551111',
        explanation: '履行情况有误，请更正。',
      }),
    );
    await t.request('/api/v1/admin/corrections', { token: 'admin' });
    const text = JSON.stringify((await get('')).body);
    for (const secret of [
      '13907550000',
      '13907551111',
      '符举报',
      '符申请',
      '460103198001011234',
      '12345678',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('139****0000');
    expect(text).toContain('4601031980****1234');
  });

  it('no longer shows a purged listing’s former contents, though its entries keep their place', async () => {
    const patch = await t.request(`/api/v1/admin/listings/${otherId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: { name: '符改名' }, reason: '更正姓名笔误' }),
      token: 'admin',
    });
    expect(patch.status).toBe(200);
    const edited = (await get(`?listingId=${otherId}`)).body.items.find((i) => i.action === 'listing.edit');
    expect(JSON.stringify(edited?.details)).toContain('符改名');
    await t.rt.deps.db.update(listings).set({ purgedAt: new Date() }).where(eq(listings.id, otherId));
    const after = (await get(`?listingId=${otherId}`)).body.items;
    const purged = after.find((i) => i.action === 'listing.edit');
    expect(purged?.seq).toBe(edited?.seq);
    expect(JSON.stringify(after)).not.toContain('符改名');
    expect(purged?.details).toEqual({ purged: '该名单信息已按期清除，记录内容不再显示。' });
  });

  it('verifies the chain, and names the first row altered behind the append-only trigger', async () => {
    const ok = await t.request('/api/v1/admin/audit/verification', { token: 'admin' });
    expect(ok.status).toBe(200);
    const good = (await ok.json()) as { ok: boolean; count: number; head: { seq: number } };
    expect(good.ok).toBe(true);
    expect(good.count).toBe(good.head.seq);
    const db = t.rt.deps.db;
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await db.execute(sql`update audit_log set reason = '篡改' where seq = 2`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const bad = (await (await t.request('/api/v1/admin/audit/verification', { token: 'admin' })).json()) as {
      ok: boolean;
      brokenAtSeq: number;
      problem: string;
    };
    expect(bad).toMatchObject({ ok: false, brokenAtSeq: 2 });
    expect(bad.problem).toMatch(/篡改/);
  });

  describe('refusals', () => {
    it('rejects an impossible date in zh-CN', async () => {
      const { status, body } = await get('?from=2017-13-01');
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'INVALID_PARAMETER', field: 'from' });
      expect(body.error.message).toBe('开始日期应为有效日期（YYYY-MM-DD），如 2017-07-18。');
    });

    it('rejects a range that ends before it starts, and an oversized page', async () => {
      const reversed = await get('?from=2017-09-18&to=2017-07-18');
      expect(reversed.status).toBe(400);
      expect(reversed.body.error).toMatchObject({ field: 'to', message: '结束日期不能早于开始日期。' });
      const big = await get('?pageSize=101');
      expect(big.status).toBe(400);
      expect(big.body.error.field).toBe('pageSize');
      expect(big.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('refuses unit members and custodians (403) and anonymous callers (401)', async () => {
      const unit = await get('', 'unitA');
      expect(unit.status).toBe(403);
      expect(unit.body.error.message).toBe('此操作仅限法院管理员。');
      expect((await t.request('/api/v1/admin/audit/verification', { token: 'unitB' })).status).toBe(403);
      await addCustodian(t);
      expect((await get('', CUSTODIAN_TOKEN)).status).toBe(403);
      expect((await t.request('/api/v1/admin/audit')).status).toBe(401);
    });
  });
});
