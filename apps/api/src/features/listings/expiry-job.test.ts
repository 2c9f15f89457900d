import { verifyAuditChain } from '@portal/db';
import { backends } from '@portal/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';
import { removeExpiredListings } from './expiry-job.ts';

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token: 'admin',
});

describe.each(backends())('listing terms on $kind', (backend) => {
  let t: TestRuntime;
  afterEach(async () => {
    await t.close();
  });

  it('removes a category 2–6 listing the day after its 2-year term and keeps category 1', async () => {
    let now = new Date('2024-03-01T02:00:00Z');
    t = await openTestRuntime(backend, {}, { now: () => now, workers: true });
    const ids: string[] = [];
    for (const category of [1, 4]) {
      const { id } = (await (
        await t.request('/api/v1/admin/listings', post(personDraft({ category, filedAt: '2017-07-18' })))
      ).json()) as {
        id: string;
      };
      expect(
        (await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' })).status,
      ).toBe(200);
      ids.push(id);
    }
    const [cat1, cat4] = ids as [string, string];
    await within(2000, async () => (await t.rt.deps.search.get(cat4))?.termEndsAt === '2026-03-01');
    expect((await t.rt.deps.search.get(cat1))?.termEndsAt).toBeNull();

    now = new Date('2026-03-01T10:00:00Z'); // the anniversary is the term's last day: still listed
    expect(await removeExpiredListings(t.rt.deps)).toEqual([]);
    now = new Date('2026-03-02T01:00:00Z');
    expect(await removeExpiredListings(t.rt.deps)).toEqual([cat4]);
    await within(2000, async () => (await t.request(`/api/v1/listings/${cat4}`)).status === 410);
    expect((await t.request(`/api/v1/listings/${cat1}`)).status).toBe(200);
    expect(await verifyAuditChain(t.rt.deps.db)).toMatchObject({ ok: true });
  });
});
