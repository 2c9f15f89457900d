import { auditLog, tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import {
  addCustodian,
  CUSTODIAN_TOKEN,
  json,
  lookup,
  publishedListing,
  submit,
  tipBody,
} from './tips-testing.ts';

type Detail = {
  id: string;
  status: string;
  openedAt: string | null;
  messages: { text: string }[];
  hasContact: boolean;
};

describe.each(backends())('tips for staff on $kind', (backend) => {
  let t: TestRuntime;
  let listingA: string;
  let listingB: string;
  let receipt: string;
  let tipId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    await addCustodian(t);
    listingA = await publishedListing(t, 'U-A');
    listingB = await publishedListing(t, 'U-B');
    ({ receipt } = (
      await submit(t, tipBody(listingA, { contactName: '王举报', contactPhone: '13912345678' }))
    ).body);
    await submit(t, tipBody(listingB, { kind: 'whereabouts', consumptionItem: undefined }));
    tipId = (await t.rt.deps.db.select({ id: tips.id }).from(tips).where(eq(tips.listingId, listingA)))[0]!
      .id;
  });
  afterEach(() => t?.close());

  const get = (path: string, token: string) => t.request(path, { token });

  it('routes each tip to the unit of its listing: a member sees only its unit, the court admin all', async () => {
    const a = (await (await get('/api/v1/admin/tips', 'unitA')).json()) as {
      items: { listingId: string }[];
      total: number;
    };
    expect(a.total).toBe(1);
    expect(a.items[0]!.listingId).toBe(listingA);
    const b = (await (await get('/api/v1/admin/tips', 'unitB')).json()) as { items: { listingId: string }[] };
    expect(b.items.map((i) => i.listingId)).toEqual([listingB]);
    expect(((await (await get('/api/v1/admin/tips', 'admin')).json()) as { total: number }).total).toBe(2);
    expect((await get(`/api/v1/admin/tips/${tipId}`, 'unitB')).status).toBe(403);
    expect((await get(`/api/v1/admin/tips/${tipId}`, CUSTODIAN_TOKEN)).status).toBe(403);
    expect((await get('/api/v1/admin/tips', CUSTODIAN_TOKEN)).status).toBe(403);
    expect((await get('/api/v1/admin/tips/T-NOPE', 'admin')).status).toBe(404);
  });

  it('never shows the identity or contact in lists, details, errors or logs', async () => {
    const bodies = [
      await (await get('/api/v1/admin/tips', 'unitA')).text(),
      await (await get(`/api/v1/admin/tips/${tipId}`, 'unitA')).text(),
      await (await get('/api/v1/admin/tips', 'admin')).text(),
      await (
        await t.request(`/api/v1/admin/tips/${tipId}/status`, {
          ...json({ status: 'bogus' }),
          token: 'unitA',
        })
      ).text(),
    ];
    for (const body of bodies) {
      expect(body).not.toContain('13912345678');
      expect(body).not.toContain('王举报');
    }
    expect(JSON.parse(bodies[1]!)).toMatchObject({ hasContact: true });
    const logs = t.logLines.join('\n');
    expect(logs).not.toContain('13912345678');
    expect(logs).not.toContain('王举报');
    expect(logs).not.toContain(receipt);
    expect(logs).not.toContain(receipt.replaceAll('-', ''));
  });

  it('moves received → in_review → verified → closed, shows the messages on look-up, and refuses a step back', async () => {
    const first = await get(`/api/v1/admin/tips/${tipId}`, 'unitA');
    expect(((await first.json()) as Detail).openedAt).not.toBeNull();
    const step = (status: string, extra: Record<string, string> = {}) =>
      t.request(`/api/v1/admin/tips/${tipId}/status`, { ...json({ status, ...extra }), token: 'unitA' });
    expect(
      (await step('in_review', { messageToTipster: '已收到您的线索，正在核查。', note: '联系机场' })).status,
    ).toBe(200);
    expect((await step('verified', { messageToTipster: '线索属实，感谢您的支持。' })).status).toBe(200);
    const back = await step('in_review');
    expect(back.status).toBe(409);
    expect(((await back.json()) as { error: { message: string } }).error.message).toMatch(/线索属实/);
    expect((await step('closed')).status).toBe(200);
    expect((await step('closed', { messageToTipster: 'x' })).status).toBe(409);
    const seen = (await (await lookup(t, receipt)).json()) as {
      status: string;
      messages: { text: string }[];
    };
    expect(seen.status).toBe('closed');
    expect(seen.messages.map((m) => m.text)).toEqual([
      '已收到您的线索，正在核查。',
      '线索属实，感谢您的支持。',
    ]);
    // the internal note is not shown to the tipster
    expect(JSON.stringify(seen)).not.toContain('联系机场');
    // another unit cannot change it
    expect(
      (
        await t.request(`/api/v1/admin/tips/${tipId}/status`, {
          ...json({ status: 'closed' }),
          token: 'unitB',
        })
      ).status,
    ).toBe(403);
  });

  it('reveals the identity only after a custodian approves the unit’s request, once, and audits every step', async () => {
    const ask = (token: string) =>
      t.request(`/api/v1/admin/tips/${tipId}/reveal-requests`, {
        ...json({ reason: '需核实线索细节，电话联系举报人' }),
        token,
      });
    expect((await ask('unitB')).status).toBe(403);
    expect((await ask('admin')).status).toBe(403);
    const created = await ask('unitA');
    expect(created.status).toBe(201);
    const request = (await created.json()) as { id: string; status: string };
    expect(request.status).toBe('pending');
    const reveal = () =>
      t.request(`/api/v1/admin/reveal-requests/${request.id}/reveal`, { method: 'POST', token: 'unitA' });
    expect((await reveal()).status).toBe(409); // not approved yet
    const decide = (token: string) =>
      t.request(`/api/v1/admin/reveal-requests/${request.id}/decision`, {
        ...json({ decision: 'approved' }),
        token,
      });
    expect((await decide('admin')).status).toBe(403); // no self-service, not even for the court admin
    expect((await decide('unitA')).status).toBe(403);
    expect((await decide(CUSTODIAN_TOKEN)).status).toBe(200);
    expect(
      (
        await t.request(`/api/v1/admin/reveal-requests/${request.id}/reveal`, {
          method: 'POST',
          token: 'unitB',
        })
      ).status,
    ).toBe(403);
    const shown = await reveal();
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ tipId, contactName: '王举报', contactPhone: '13912345678' });
    expect((await reveal()).status).toBe(409); // once
    const actions = (await t.rt.deps.db.select().from(auditLog).where(eq(auditLog.entityId, tipId))).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['tip.identity.request', 'tip.identity.approve', 'tip.identity.reveal']);
    const audit = JSON.stringify(await t.rt.deps.db.select().from(auditLog));
    expect(audit).not.toContain('13912345678');
  });

  it('has nothing to reveal for an anonymous tip, and a rejected request reveals nothing', async () => {
    const anon = (await submit(t, tipBody(listingA))).body;
    expect(anon.receipt).toBeTruthy();
    const [anonTip] = await t.rt.deps.db
      .select({ id: tips.id })
      .from(tips)
      .where(and(eq(tips.hasContact, false), eq(tips.listingId, listingA)));
    const r = await t.request(`/api/v1/admin/tips/${anonTip!.id}/reveal-requests`, {
      ...json({ reason: '核实线索细节需要' }),
      token: 'unitA',
    });
    expect(r.status).toBe(409);
    const created = (await (
      await t.request(`/api/v1/admin/tips/${tipId}/reveal-requests`, {
        ...json({ reason: '核实线索细节需要' }),
        token: 'unitA',
      })
    ).json()) as { id: string };
    await t.request(`/api/v1/admin/reveal-requests/${created.id}/decision`, {
      ...json({ decision: 'rejected', note: '理由不足' }),
      token: CUSTODIAN_TOKEN,
    });
    const shown = await t.request(`/api/v1/admin/reveal-requests/${created.id}/reveal`, {
      method: 'POST',
      token: 'unitA',
    });
    expect(shown.status).toBe(409);
    expect(await shown.text()).not.toContain('13912345678');
  });
});
