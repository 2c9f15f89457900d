import { backends } from '@portal/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

const [pglite] = backends();

describe('public API rate limit', () => {
  let t: TestRuntime;
  afterEach(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once a client exceeds its per-minute budget, then recovers next minute', async () => {
    let now = new Date('2026-11-27T08:00:10Z');
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '3' }, { now: () => now });
    for (let i = 0; i < 3; i++) expect((await t.request('/api/v1/search?q=王')).status).toBe(200);
    const limited = await t.request('/api/v1/search?q=王');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBe(50);
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/请求过于频繁/);
    now = new Date('2026-11-27T08:01:00Z');
    expect((await t.request('/api/v1/search?q=王')).status).toBe(200);
  });

  it('does not limit staff routes, which are authenticated instead', async () => {
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '1' });
    for (let i = 0; i < 3; i++)
      expect((await t.request('/api/v1/admin/listings', { token: 'admin' })).status).toBe(200);
  });
});
