import { auditLog, correctionRequests } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

describe.each(backends())('correction requests on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend, {}, { now: () => new Date('2026-11-27T02:00:00Z') });
    const created = (await (
      await t.request('/api/v1/admin/listings', { ...json(personDraft({ unitId: 'U-A' })), token: 'admin' })
    ).json()) as {
      id: string;
    };
    listingId = created.id;
    await t.request(`/api/v1/admin/listings/${listingId}/publish`, { method: 'POST', token: 'admin' });
  });
  afterEach(async () => {
    await t.close();
  });

  const request = (overrides: Record<string, unknown> = {}) => ({
    listingId,
    grounds: 'should_be_deleted',
    requesterName: '符申请',
    requesterPhone: '13907550000',
    explanation: '本人已于上月全部履行完毕，请依法删除失信信息。',
    ...overrides,
  });

  it('takes a request, returns a receipt and a 15-day review deadline, and keeps the contact sealed', async () => {
    const res = await t.request('/api/v1/corrections', json(request()));
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { id: string; receiptCode: string; reviewDeadline: string };
    expect(receipt.receiptCode).toMatch(/^JZ[0-9A-Z]{10}$/);
    expect(receipt.reviewDeadline).toBe('2026-12-14');
    const [stored] = await t.rt.deps.db.select().from(correctionRequests);
    expect(JSON.stringify(stored)).not.toContain('13907550000');
    expect(JSON.stringify(stored)).not.toContain('符申请');
    const listing = await (await t.request(`/api/v1/listings/${listingId}`)).text();
    expect(listing).not.toContain('13907550000');
  });

  it('shows staff the request with its contact and clock, only within the unit', async () => {
    await t.request('/api/v1/corrections', json(request()));
    const admin = (await (await t.request('/api/v1/admin/corrections', { token: 'admin' })).json()) as {
      items: { requester: { phone: string }; reviewDaysLeft: number; overdue: boolean }[];
    };
    expect(admin.items).toHaveLength(1);
    expect(admin.items[0]).toMatchObject({
      requester: { phone: '13907550000' },
      reviewDaysLeft: 17,
      overdue: false,
    });
    const otherUnit = (await (await t.request('/api/v1/admin/corrections', { token: 'unitB' })).json()) as {
      items: unknown[];
    };
    expect(otherUnit.items).toHaveLength(0);
    const decided = await t.request(
      `/api/v1/admin/corrections/${(admin.items[0] as unknown as { id: string }).id}/decide`,
      {
        ...json({ decision: 'accepted', reasons: '判决书载明金额为 12,000 元，名单有误。' }),
        token: 'unitA',
      },
    );
    expect(await decided.json()).toEqual({ status: 'accepted', fixDeadline: '2026-12-02' });
    const [audit] = await t.rt.deps.db
      .select({ reason: auditLog.reason })
      .from(auditLog)
      .where(eq(auditLog.action, 'correction.accepted'));
    expect(audit?.reason).toBe('判决书载明金额为 12,000 元，名单有误。');
  });

  it('art. 12: an accepted correction runs a 3-working-day fix clock, fixing → fixed, audited; only once, only in its unit', async () => {
    const submitted = await t.request('/api/v1/corrections', json(request()));
    const { id } = (await submitted.json()) as { id: string };
    const decide = (decision: string) =>
      t.request(`/api/v1/admin/corrections/${id}/decide`, { ...json({ decision }), token: 'unitA' });
    const fixed = () =>
      t.request(`/api/v1/admin/corrections/${id}/fixed`, { method: 'POST', token: 'unitA' });
    expect((await fixed()).status).toBe(409); // not decided yet
    expect((await decide('accepted')).status).toBe(200);
    const list = (await (await t.request('/api/v1/admin/corrections', { token: 'unitA' })).json()) as {
      items: { fixClock: { state: string; overdue: boolean; date: string } | null }[];
    };
    expect(list.items[0]?.fixClock).toMatchObject({ state: 'fixing', overdue: false, date: '2026-12-02' });
    expect(
      (await t.request(`/api/v1/admin/corrections/${id}/fixed`, { method: 'POST', token: 'unitB' })).status,
    ).toBe(403);
    const done = await fixed();
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ state: 'fixed', overdue: false, fixedOn: '2026-11-27' });
    expect((await fixed()).status).toBe(409);
    const [audit] = await t.rt.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'correction.fixed'));
    expect(audit?.details).toMatchObject({ deadline: '2026-12-02', overdue: false });
  });

  it('stores a retried submission with the same Idempotency-Key once', async () => {
    const first = (await (
      await t.request('/api/v1/corrections', json(request(), { 'Idempotency-Key': 'k-1' }))
    ).json()) as { id: string };
    const again = (await (
      await t.request('/api/v1/corrections', json(request(), { 'Idempotency-Key': 'k-1' }))
    ).json()) as { id: string };
    expect(again.id).toBe(first.id);
    expect(await t.rt.deps.db.select().from(correctionRequests)).toHaveLength(1);
  });

  it('rejects bad fields with zh-CN messages naming the field, and an unknown listing, storing nothing', async () => {
    const bad = await t.request(
      '/api/v1/corrections',
      json(request({ requesterPhone: '12', explanation: '短' })),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { code: string; field: string; message: string; details: { errors: { field: string }[] } };
    };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.errors.map((e) => e.field).sort()).toEqual(['explanation', 'requesterPhone']);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const unknown = await t.request('/api/v1/corrections', json(request({ listingId: 'LNOPE' })));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe('listingId');
    expect(await t.rt.deps.db.select().from(correctionRequests)).toHaveLength(0);
  });
});
