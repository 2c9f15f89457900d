import { editListingRoute } from '@portal/contract';
import { createApiClient } from '@portal/contract/client';
import { auditLog, listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, TOKENS, within } from '../../testing/test-runtime.ts';

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const patch = (body: unknown) => ({
  method: 'PATCH',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe.each(backends())('art. 9, 11, 12: correcting a listing in place (PATCH) on $kind', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(backend);
  });
  afterAll(() => t?.close());

  async function create(draft: Record<string, unknown>, publish = true) {
    const created = await t.request('/api/v1/admin/listings', { ...post(draft), token: 'admin' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    if (publish) {
      const res = await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
      expect(res.status).toBe(200);
    }
    return id;
  }
  const searchIds = async (q: string) => {
    const res = await t.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
    return ((await res.json()) as { hits: { id: string }[] }).hits.map((h) => h.id);
  };
  const stored = async (id: string) =>
    (await t.rt.deps.db.select().from(listings).where(eq(listings.id, id)))[0]!;
  const auditCount = async () => (await t.rt.deps.db.select().from(auditLog)).length;

  it('art. 11: a corrected name and amount show on search and detail within 2 s; version bumps; staff view returned', async () => {
    const id = await create(personDraft({ name: '符错名', unitId: 'U-A' }));
    await within(2000, async () => (await searchIds('符错名')).includes(id));
    const before = await stored(id);
    const res = await t.request(`/api/v1/admin/listings/${id}`, {
      ...patch({
        changes: { name: '符正名', amountOwedFen: 999_900 },
        reason: '执行依据金额录入错误，依申请更正',
      }),
      token: 'unitA',
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ id, name: '符正名', amountOwedFen: 999_900, status: 'published' });
    expect(view.version).toBe(before.version + 1);
    expect(view.idNumber).toMatch(/^\d{17}[\dX]$/); // staff view: decrypted full number
    await within(2000, async () => (await searchIds('符正名')).includes(id));
    expect(await searchIds('符错名')).not.toContain(id);
    const detail = (await (await t.request(`/api/v1/listings/${id}`)).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ name: '符正名', amountOwedFen: 999_900 });
  });

  it('art. 12: a corrected ID number is stored encrypted, shown masked to the public, and audited before/after masked', async () => {
    const oldId = idNumberFor('19800101', '555');
    const newId = idNumberFor('19800202', '556');
    const id = await create(personDraft({ idNumber: oldId }));
    const res = await createApiClient({
      baseUrl: 'http://portal.test',
      fetch: (url, init) => {
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${TOKENS.admin}`);
        return Promise.resolve(t.rt.app.request(url, { ...init, headers }));
      },
    }).call(editListingRoute, {
      params: { id },
      json: { changes: { idNumber: newId }, reason: '身份证号码出生日期录错' },
    });
    expect(res.idNumber).toBe(newId);
    expect(res.idNumberMasked).toBe('4601031980****5561'.slice(0, 14) + newId.slice(14));
    const row = await stored(id);
    expect(JSON.stringify(row)).not.toContain(newId);
    expect(row.idNumberEnc).toMatch(/^[0-9a-f]{8}\./);
    await within(2000, async () => {
      const detail = (await (await t.request(`/api/v1/listings/${id}`)).json()) as Record<string, unknown>;
      return detail.idNumberMasked === `${newId.slice(0, 10)}****${newId.slice(14)}`;
    });
    const [entry] = await t.rt.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'listing.edit'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({ actor: 'S-ADMIN', entityId: id, reason: '身份证号码出生日期录错' });
    expect(entry!.details).toMatchObject({
      before: { idNumber: `${oldId.slice(0, 10)}****${oldId.slice(14)}`, birthDate: '1980-01-01' },
      after: { idNumber: `${newId.slice(0, 10)}****${newId.slice(14)}`, birthDate: '1980-02-02' },
    });
    expect(JSON.stringify(entry)).not.toContain(newId);
    expect(JSON.stringify(entry)).not.toContain(oldId);
  });

  it('re-validates the whole listing: a change that breaks it is refused with the field and changes nothing', async () => {
    const id = await create(personDraft({ category: 2 }));
    const before = await stored(id);
    const audits = await auditCount();
    // art. 2: category 1 has no term, so an existing extension makes the corrected listing invalid
    const bad = [
      { changes: { category: 1, termExtensionYears: 2 }, field: 'termExtensionYears' },
      { changes: { amountOwedFen: -5 }, field: 'amountOwedFen' },
      // art. 4: a minor cannot be listed, whichever way the number gets in
      { changes: { idNumber: idNumberFor('20200101') }, field: 'idNumber' },
      { changes: { kind: 'org' }, field: 'uscc' },
    ];
    for (const { changes, field } of bad) {
      const res = await t.request(`/api/v1/admin/listings/${id}`, {
        ...patch({ changes, reason: '测试更正' }),
        token: 'admin',
      });
      expect([field, res.status]).toEqual([field, 400]);
      const body = (await res.json()) as { error: { code: string; field: string; message: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      const fields = [
        body.error.field,
        ...((body.error as { details?: { errors?: { field: string }[] } }).details?.errors ?? []).map(
          (e) => e.field,
        ),
      ];
      expect(fields).toContain(field);
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await stored(id)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses malformed bodies with a zh-CN message: unknown field, no change, no reason', async () => {
    const id = await create(personDraft(), false);
    for (const body of [
      { changes: { nickname: '阿明' }, reason: '更正' },
      { changes: {}, reason: '更正' },
      { changes: { name: '符某' } },
      { changes: { demo: true }, reason: '更正' },
    ]) {
      const res = await t.request(`/api/v1/admin/listings/${id}`, { ...patch(body), token: 'admin' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a draft can be corrected too and keeps no listing date until it is published', async () => {
    const id = await create(personDraft({ category: 3 }), false);
    const res = await t.request(`/api/v1/admin/listings/${id}`, {
      ...patch({
        changes: { decisionDocNo: '（2024）琼9003执1号决定书', decisionDate: '2024-01-10' },
        reason: '补录决定书',
      }),
      token: 'admin',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'draft',
      listedAt: null,
      termEndsAt: null,
      decisionDate: '2024-01-10',
    });
  });

  it("unit scoping: another unit 403, moving a case out of one's unit 403; unknown 404; removed 409; stale version 409", async () => {
    const id = await create(personDraft({ unitId: 'U-A' }));
    const edit = (token: string, body: unknown, target = id) =>
      t.request(`/api/v1/admin/listings/${target}`, { ...patch(body), token });
    const before = await stored(id);
    expect((await edit('unitB', { changes: { name: '符乙组' }, reason: '越权更正' })).status).toBe(403);
    expect((await edit('unitA', { changes: { unitId: 'U-B' }, reason: '移交' })).status).toBe(403);
    expect((await edit('admin', { changes: { unitId: 'U-X' }, reason: '移交' })).status).toBe(400);
    expect(await stored(id)).toEqual(before);
    expect((await edit('admin', { changes: { name: '符某' }, reason: '更正' }, 'L-none')).status).toBe(404);
    const stale = await edit('admin', {
      changes: { name: '符某某' },
      reason: '更正',
      expectedVersion: before.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(
      (await edit('admin', { changes: { name: '符某某' }, reason: '更正', expectedVersion: before.version }))
        .status,
    ).toBe(200);
    const removed = await t.request(`/api/v1/admin/listings/${id}/remove`, {
      ...post({ reason: 'revoked' }),
      token: 'admin',
    });
    expect(removed.status).toBe(200);
    const afterRemoval = await edit('admin', { changes: { name: '符再改' }, reason: '更正' });
    expect(afterRemoval.status).toBe(409);
    expect((await stored(id)).name).toBe('符某某');
  });

  it('item 3: staff views decrypt the full ID number and every such read is audited; public answers never carry it', async () => {
    const idNumber = idNumberFor('19800909', '909');
    const id = await create(personDraft({ idNumber, name: '符审计' }));
    const row = await stored(id);
    expect(JSON.stringify(row)).not.toContain(idNumber);
    const res = await t.request('/api/v1/admin/listings?status=published', { token: 'unitB' });
    const other = (await res.json()) as { items: { id: string }[] };
    expect(other.items.map((i) => i.id)).not.toContain(id); // not unit B's listing
    const reads = async () =>
      (await t.rt.deps.db.select().from(auditLog).where(eq(auditLog.action, 'listing.read_full'))).filter(
        (r) => ((r.details as { ids?: string[] }).ids ?? []).includes(id),
      );
    const before = (await reads()).length;
    const list = (await (
      await t.request('/api/v1/admin/listings?status=published', { token: 'admin' })
    ).json()) as {
      items: { id: string; idNumber: string }[];
    };
    expect(list.items.find((i) => i.id === id)?.idNumber).toBe(idNumber);
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor: 'S-ADMIN' });
    expect(JSON.stringify(after)).not.toContain(idNumber);
    await within(2000, async () => (await t.request(`/api/v1/listings/${id}`)).status === 200);
    expect(await (await t.request(`/api/v1/listings/${id}`)).text()).not.toContain(idNumber);
    expect(t.logLines.join('')).not.toContain(idNumber);
  });
});
