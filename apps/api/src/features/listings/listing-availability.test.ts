import { backends } from '@portal/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token: 'admin',
});

describe.each(backends())(
  'public detail of a listing id on $kind (issue 14 item 15, issue 8 §3)',
  (backend) => {
    let t: TestRuntime;
    afterEach(async () => {
      await t.close();
    });

    const create = async (overrides: Record<string, unknown> = {}) =>
      (
        (await (await t.request('/api/v1/admin/listings', post(personDraft(overrides)))).json()) as {
          id: string;
        }
      ).id;
    const publish = (id: string) =>
      t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });

    it('a draft (never published) and an unknown id are a neutral 404, never "已依法删除" (410)', async () => {
      t = await openTestRuntime(backend);
      const draft = await create();
      for (const id of [draft, 'L00000000000000000000NOPE']) {
        const res = await t.request(`/api/v1/listings/${id}`);
        expect(res.status).toBe(404);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('LISTING_NOT_FOUND');
        expect(body.error.message).toBe('未找到该信息。');
        expect(body.error.message).not.toContain('删除');
      }
    });

    it('410 "已依法删除" only after a lawful removal', async () => {
      t = await openTestRuntime(backend);
      const id = await create();
      expect((await publish(id)).status).toBe(200);
      await within(2000, async () => (await t.request(`/api/v1/listings/${id}`)).status === 200);
      expect(
        (await t.request(`/api/v1/admin/listings/${id}/remove`, post({ reason: 'performed' }))).status,
      ).toBe(200);
      await within(2000, async () => (await t.request(`/api/v1/listings/${id}`)).status === 410);
      const body = (await (await t.request(`/api/v1/listings/${id}`)).json()) as {
        error: { message: string };
      };
      expect(body.error.message).toContain('已依法删除');
    });

    it('a listing whose term ended is hidden from detail, search and stats before the expiry job runs (art. 2)', async () => {
      let now = new Date('2024-03-01T02:00:00Z');
      t = await openTestRuntime(backend, {}, { now: () => now });
      const id = await create({ category: 4, filedAt: '2017-07-18', name: '符到期' });
      expect((await publish(id)).status).toBe(200);
      await within(2000, async () => (await t.request(`/api/v1/listings/${id}`)).status === 200);
      const listed = async () =>
        ((await (await t.request('/api/v1/stats')).json()) as { listed: number }).listed;
      const found = async () =>
        (
          (await (await t.request(`/api/v1/search?q=${encodeURIComponent('符到期')}`)).json()) as {
            hits: { id: string }[];
          }
        ).hits.some((h) => h.id === id);
      expect(await listed()).toBe(1);
      expect(await found()).toBe(true);
      now = new Date('2026-03-02T01:00:00Z'); // the day after the 2-year term; no job has run
      expect((await t.request(`/api/v1/listings/${id}`)).status).toBe(404); // not removed: not "已依法删除"
      expect(await listed()).toBe(0);
      expect(await found()).toBe(false);
    });
  },
);
