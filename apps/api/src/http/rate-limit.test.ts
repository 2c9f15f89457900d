import { backends } from '@portal/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../testing/listen-on-loopback.ts';
import { openTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { bucketFor, parseTrustedProxies } from './rate-limit.ts';
import { createMemoryRateLimitStore, createPostgresRateLimitStore } from './rate-limit-store.ts';

const [pglite] = backends();

describe('public API rate limit (token bucket per client)', () => {
  let t: TestRuntime;
  afterEach(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once the bucket is empty, and lets a request through as soon as a token is back', async () => {
    let now = new Date('2026-11-27T08:00:10Z');
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '60' }, { now: () => now });
    // 60 a minute: a burst of 20, then one a second
    for (let i = 0; i < 20; i++) expect((await t.request('/api/v1/search?q=王')).status).toBe(200);
    const limited = await t.request('/api/v1/search?q=王');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('1');
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toBe('请求过于频繁，请 1 秒后再试。');
    now = new Date('2026-11-27T08:00:11Z');
    expect((await t.request('/api/v1/search?q=王')).status).toBe(200);
    expect((await t.request('/api/v1/search?q=王')).status).toBe(429);
  });

  it('gives no second budget at a minute boundary (no fixed-window doubling)', async () => {
    let now = new Date('2026-11-27T08:00:59.000Z');
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '60' }, { now: () => now });
    let allowed = 0;
    for (let i = 0; i < 40; i++) if ((await t.request('/api/v1/stats')).status === 200) allowed++;
    now = new Date('2026-11-27T08:01:01.000Z'); // two seconds later, in the next minute
    for (let i = 0; i < 40; i++) if ((await t.request('/api/v1/stats')).status === 200) allowed++;
    expect(allowed).toBe(20 + 2);
  });

  it('never stops a person typing and paging, and stops a script sending 2,000 searches at the default limit', async () => {
    let ms = Date.parse('2026-11-27T08:00:00Z');
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '3000' }, { now: () => new Date(ms) });
    // a person: a keystroke every 150 ms for 40 characters (each a search), then 30 pages, one a second
    for (let i = 0; i < 40; i++) {
      ms += 150;
      expect(
        (await t.request(`/api/v1/search?q=${encodeURIComponent('王'.repeat((i % 5) + 1))}`)).status,
      ).toBe(200);
    }
    for (let page = 1; page <= 30; page++) {
      ms += 1000;
      expect((await t.request(`/api/v1/search?q=王&page=${(page % 40) + 1}`)).status).toBe(200);
    }
    // a script (another client): 2,000 searches, one every 2 ms
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      ms += 2;
      const res = await t.request('/api/v1/search?q=王', { headers: { 'x-test-client': 'script' } });
      if (res.status === 429) refused++;
    }
    // 200 in the burst plus 50 a second over 4 s: about 400 served, the rest refused
    expect(refused).toBeGreaterThan(1500);
    expect(refused).toBeLessThan(1700);
  });

  it('never limits /api/v1/health (load-balancer checks)', async () => {
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '1' });
    for (let i = 0; i < 50; i++) expect((await t.request('/api/v1/health')).status).toBe(200);
    expect((await t.request('/api/v1/stats')).status).toBe(200);
    expect((await t.request('/api/v1/stats')).status).toBe(429);
  });

  it('does not limit staff routes, which are authenticated instead', async () => {
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '1' });
    for (let i = 0; i < 3; i++)
      expect((await t.request('/api/v1/admin/listings', { token: 'admin' })).status).toBe(200);
  });
});

describe('client identity on a real socket', () => {
  let t: TestRuntime;
  let close: () => Promise<void>;
  afterEach(async () => {
    await close();
    await t.close();
  });

  async function listen(env: Record<string, string>) {
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '1', ...env });
    const { base, close: stop } = await listenOnLoopback(t.rt.app);
    close = stop;
    return (xff?: string) =>
      fetch(`${base}/api/v1/stats`, xff ? { headers: { 'X-Forwarded-For': xff } } : {}).then((r) => r.status);
  }

  it('ignores X-Forwarded-For from an address that is not a trusted proxy (one bucket per socket address)', async () => {
    const get = await listen({});
    expect(await get('203.0.113.1')).toBe(200);
    expect(await get('203.0.113.2')).toBe(429);
  });

  it('takes the client from X-Forwarded-For behind a trusted proxy, reading past spoofed entries', async () => {
    const get = await listen({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
    expect(await get('203.0.113.1')).toBe(200);
    expect(await get('203.0.113.2')).toBe(200); // another citizen behind the same proxy
    expect(await get('203.0.113.1')).toBe(429);
    // a client prepending a fake address is still itself; an inner trusted hop is skipped
    expect(await get('198.51.100.9, 203.0.113.1')).toBe(429);
    expect(await get('203.0.113.2, 10.1.2.3')).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  it('accepts addresses and CIDR ranges and names a bad entry', () => {
    expect(parseTrustedProxies('10.0.0.0/8, ::1').check('10.9.9.9')).toBe(true);
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.local')).toThrow(/proxy\.local/);
  });
});

describe.each(backends())('rate-limit stores on $kind', (backend) => {
  it('the database store lets exactly the bucket through when requests race, like the memory store', async () => {
    const handle = await backend.open();
    try {
      const bucket = { capacity: 5, refillPerMs: 0 };
      for (const store of [createPostgresRateLimitStore(handle.db), createMemoryRateLimitStore()]) {
        const results = await Promise.all(Array.from({ length: 12 }, () => store.take('k', bucket, 1000)));
        expect(results.filter((r) => r.allowed)).toHaveLength(5);
      }
      const store = createPostgresRateLimitStore(handle.db);
      const spec = bucketFor(60); // one token a second
      for (let i = 0; i < 20; i++) await store.take('c', spec, 0);
      expect(await store.take('c', spec, 0)).toEqual({ allowed: false, retryAfterMs: 1000 });
      expect((await store.take('c', spec, 1000)).allowed).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('a token given back can be taken again, and giving back never fills a bucket past its capacity', async () => {
    const handle = await backend.open();
    try {
      const bucket = { capacity: 2, refillPerMs: 0 };
      for (const store of [createPostgresRateLimitStore(handle.db), createMemoryRateLimitStore()]) {
        await store.giveBack('unseen', bucket); // nothing taken yet: no bucket is made
        expect((await store.take('g', bucket, 0)).allowed).toBe(true);
        expect((await store.take('g', bucket, 0)).allowed).toBe(true);
        expect((await store.take('g', bucket, 0)).allowed).toBe(false);
        await store.giveBack('g', bucket);
        expect((await store.take('g', bucket, 0)).allowed).toBe(true);
        for (let i = 0; i < 5; i++) await store.giveBack('g', bucket);
        const taken = await Promise.all(Array.from({ length: 4 }, () => store.take('g', bucket, 0)));
        expect(taken.filter((r) => r.allowed)).toHaveLength(2);
      }
    } finally {
      await handle.close();
    }
  });
});
