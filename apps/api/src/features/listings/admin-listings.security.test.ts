import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberFor, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const post = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  ...(token ? { token } : {}),
});

describe.each(backends())('staff API access control and personal data on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(async () => {
    await t.close();
  });

  it('every staff route answers 401 without a token or with a wrong one', async () => {
    const routes: [string, RequestInit][] = [
      ['/api/v1/admin/listings', post(personDraft())],
      ['/api/v1/admin/listings', { method: 'GET' }],
      [
        '/api/v1/admin/listings/import',
        { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'name\n' },
      ],
      ['/api/v1/admin/listings/LX/publish', { method: 'POST' }],
      ['/api/v1/admin/listings/LX/remove', post({ reason: 'performed' })],
    ];
    for (const [path, init] of routes) {
      for (const token of [undefined, 'not-a-real-token']) {
        const res = await t.request(path, { ...init, ...(token ? { token } : {}) });
        expect(res.status, `${init.method} ${path}`).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('a unit member cannot file, publish or remove for another unit (403) and sees only its own listings', async () => {
    const forbidden = await t.request(
      '/api/v1/admin/listings',
      post(personDraft({ unitId: 'U-B' }), 'unitA'),
    );
    expect(forbidden.status).toBe(403);
    const own = (await (await t.request('/api/v1/admin/listings', post(personDraft(), 'unitA'))).json()) as {
      id: string;
    };
    const other = (await (
      await t.request('/api/v1/admin/listings', post(personDraft(), 'unitB'))
    ).json()) as { id: string };
    expect(
      (await t.request(`/api/v1/admin/listings/${other.id}/publish`, { method: 'POST', token: 'unitA' }))
        .status,
    ).toBe(403);
    expect(
      (await t.request(`/api/v1/admin/listings/${own.id}/publish`, { method: 'POST', token: 'unitA' }))
        .status,
    ).toBe(200);
    expect(
      (await t.request(`/api/v1/admin/listings/${own.id}/remove`, post({ reason: 'performed' }, 'unitB')))
        .status,
    ).toBe(403);
    const list = (await (await t.request('/api/v1/admin/listings', { token: 'unitA' })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toEqual([own.id]);
  });

  it('a sentinel full ID number never appears in a public response, the index or a log line', async () => {
    const sentinel = idNumberFor('19770707', '987');
    const created = (await (
      await t.request(
        '/api/v1/admin/listings',
        post(personDraft({ idNumber: sentinel, name: '王哨兵' }), 'admin'),
      )
    ).json()) as {
      id: string;
    };
    await t.request(`/api/v1/admin/listings/${created.id}/publish`, { method: 'POST', token: 'admin' });
    await within(2000, async () => (await t.rt.deps.search.get(created.id)) !== null);
    const publicBodies = await Promise.all(
      [
        `/api/v1/search?q=${sentinel}`,
        '/api/v1/search?q=王哨兵',
        '/api/v1/search?q=王',
        `/api/v1/listings/${created.id}`,
        '/api/v1/stats',
      ].map(async (p) => (await t.request(p)).text()),
    );
    for (const body of publicBodies) expect(body).not.toContain(sentinel);
    expect(publicBodies[0]).toContain(created.id); // the exact ID query still finds the listing
    const indexed = JSON.stringify(await t.rt.deps.search.search({ q: '王哨兵' }));
    expect(indexed).not.toContain(sentinel);
    // a bad request that quotes the ID back must not write it to the logs either
    await t.request(
      '/api/v1/admin/listings',
      post(personDraft({ idNumber: sentinel, category: 99 }), 'admin'),
    );
    expect(t.logLines.join('\n')).not.toContain(sentinel);
  });
});
