import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe.each(backends())('listing lifecycle on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(async () => {
    await t.close();
  });

  async function createAndPublish(draft: Record<string, unknown>, token: 'admin' | 'unitA' = 'admin') {
    const created = await t.request('/api/v1/admin/listings', { ...json(draft), token });
    expect(created.status).toBe(201);
    const { id, status } = (await created.json()) as { id: string; status: string };
    expect(status).toBe('draft');
    const published = await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token });
    expect(published.status).toBe(200);
    expect(await published.json()).toEqual({ status: 'published' });
    return id;
  }

  const searchHits = async (q: string) => {
    const res = await t.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { hits: { id: string }[] }).hits.map((h) => h.id);
  };

  it('a published listing is found within 2 s and a removed one is gone from search and detail within 2 s', async () => {
    const id = await createAndPublish(personDraft({ name: '符海明' }));
    await within(2000, async () => (await searchHits('海明')).includes(id));
    const detail = await t.request(`/api/v1/listings/${id}`);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as Record<string, unknown>;
    expect(body.idNumberMasked).toMatch(/^4601031980\*{4}\d{3}[\dX]$/);
    expect(body).not.toHaveProperty('idNumber');

    const removed = await t.request(`/api/v1/admin/listings/${id}/remove`, {
      ...json({ reason: 'performed' }),
      token: 'admin',
    });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ status: 'removed', deadlineMet: true });
    await within(2000, async () => !(await searchHits('海明')).includes(id));
    const gone = await t.request(`/api/v1/listings/${id}`);
    expect([404, 410]).toContain(gone.status);
  });

  it('finds a person by the full ID number and an organisation by its credit code', async () => {
    const person = personDraft({ name: '陈国栋' });
    const org = orgDraft();
    const personId = await createAndPublish(person);
    const orgId = await createAndPublish(org);
    await within(2000, async () => (await searchHits(person.idNumber as string)).includes(personId));
    await within(2000, async () => (await searchHits(org.uscc as string)).includes(orgId));
  });

  it('lists drafts, published and removed listings for staff with full fields', async () => {
    const id = await createAndPublish(personDraft());
    const created = await t.request('/api/v1/admin/listings', { ...json(personDraft()), token: 'admin' });
    const draftId = ((await created.json()) as { id: string }).id;
    const published = await t.request('/api/v1/admin/listings?status=published', { token: 'admin' });
    const pub = (await published.json()) as { items: { id: string; idNumber: string }[]; total: number };
    expect(pub.total).toBe(1);
    expect(pub.items[0]?.id).toBe(id);
    expect(pub.items[0]?.idNumber).toMatch(/^\d{17}[\dX]$/);
    const drafts = (await (
      await t.request('/api/v1/admin/listings?status=draft', { token: 'admin' })
    ).json()) as {
      items: { id: string }[];
    };
    expect(drafts.items.map((i) => i.id)).toEqual([draftId]);
  });

  it('stats count published, removed and livelihood listings by category', async () => {
    const a = await createAndPublish(personDraft({ livelihood: true, category: 1 }));
    await createAndPublish(orgDraft({ livelihood: false, category: 4 }));
    await t.request(`/api/v1/admin/listings/${a}/remove`, { ...json({ reason: 'settled' }), token: 'admin' });
    const stats = (await (await t.request('/api/v1/stats')).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ listed: 1, removed: 1, livelihood: 0, byCategory: { '1': 0, '4': 1 } });
  });

  it('health names the database and search engines', async () => {
    const res = await t.request('/api/v1/health');
    expect(await res.json()).toEqual({ status: 'ok', database: backend.kind, search: 'embedded' });
  });
});
