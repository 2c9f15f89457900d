import { enqueue, pendingCount } from '@portal/db';
import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personDraft } from '../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../testing/test-runtime.ts';
import { reconcileIndex } from './index-sync.ts';
import { LISTING_CHANGED } from './publisher.ts';

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token: 'admin',
});

describe.each(backends())('publisher and read model on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(async () => {
    await t.close();
  });

  it('converges when the index update never happened after the commit (worker killed)', async () => {
    const { id } = (await (
      await t.request('/api/v1/admin/listings', post(personDraft({ name: '吴崩溃' })))
    ).json()) as { id: string };
    await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
    await within(2000, async () => (await t.rt.deps.search.get(id)) !== null);
    // Simulate a crash between commit and index update: the index loses the document and the
    // outbox row is gone too (as if the process died after claiming it).
    await t.rt.deps.search.remove([id]);
    expect(await t.rt.deps.search.get(id)).toBeNull();
    const report = await reconcileIndex(t.rt.deps.db, t.rt.deps.search, t.rt.deps.hashIdentifier);
    expect(report.upserted).toBe(1);
    expect((await t.rt.deps.search.get(id))?.name).toBe('吴崩溃');
  });

  it('a publish committed by a process that died before updating the index is searchable after restart', async () => {
    const database = await backend.open();
    const dying = await openTestRuntime(backend, {}, { database, workers: false, keepDatabaseOpen: true });
    const { id } = (await (
      await dying.request('/api/v1/admin/listings', post(personDraft({ name: '郑重启' })))
    ).json()) as { id: string };
    expect(
      (await dying.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' }))
        .status,
    ).toBe(200);
    expect(await dying.rt.deps.search.get(id)).toBeNull(); // acknowledged, but the index never heard of it
    await dying.close();
    const restarted = await openTestRuntime(backend, {}, { database, seedStaff: false });
    try {
      await within(2000, async () => (await restarted.request(`/api/v1/listings/${id}`)).status === 200);
      await within(2000, async () => (await pendingCount(restarted.rt.deps.db)) === 0);
    } finally {
      await restarted.close();
    }
  });

  it('replayed and duplicated outbox rows leave the index matching the database', async () => {
    const { id } = (await (await t.request('/api/v1/admin/listings', post(personDraft()))).json()) as {
      id: string;
    };
    await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
    await t.request(`/api/v1/admin/listings/${id}/remove`, post({ reason: 'performed' }));
    // an old "publish" message delivered again after the removal must not resurrect the listing
    await t.rt.deps.db.transaction(async (tx) => {
      await enqueue(tx, { topic: LISTING_CHANGED, key: id, payload: { id, change: 'publish' } });
      await enqueue(tx, { topic: LISTING_CHANGED, key: id, payload: { id, change: 'publish' } });
    });
    t.rt.deps.outbox.wake();
    await within(2000, async () => (await pendingCount(t.rt.deps.db)) === 0);
    expect(await t.rt.deps.search.get(id)).toBeNull();
  });

  it('removes an extra document the database does not publish', async () => {
    const { id } = (await (await t.request('/api/v1/admin/listings', post(personDraft()))).json()) as {
      id: string;
    };
    await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
    await within(2000, async () => (await t.rt.deps.search.get(id)) !== null);
    const doc = await t.rt.deps.search.get(id);
    await t.rt.deps.search.upsert([{ ...doc!, id: 'LGHOST', version: 1 }]);
    const ghostIn = async () =>
      (
        (await (await t.request(`/api/v1/search?q=${encodeURIComponent(doc!.name)}`)).json()) as {
          hits: { id: string }[];
        }
      ).hits.some((h) => h.id === 'LGHOST');
    expect(await ghostIn()).toBe(true); // now also held in the search answer cache
    const report = await reconcileIndex(t.rt.deps.db, t.rt.deps.search, t.rt.deps.hashIdentifier);
    expect(report.removed).toBe(1);
    expect(await t.rt.deps.search.get('LGHOST')).toBeNull();
    expect(await ghostIn()).toBe(false); // the repair reached the cached answer too
  });
});
