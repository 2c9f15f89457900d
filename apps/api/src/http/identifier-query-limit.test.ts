import { backends } from '@portal/db/testing';
import { idNumberCheckChar } from '@portal/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

const [pglite] = backends();

function idNumber(day: number): string {
  const first17 = `46010319800${String(100 + day).slice(1)}${day % 2 ? '12' : '13'}123`.slice(0, 17);
  return first17 + idNumberCheckChar(first17);
}

describe('identifier-shaped searches have their own small budget (issue 14 item 1)', () => {
  let t: TestRuntime;
  afterEach(() => t.close());

  it('refuses the 11th ID-number search in a burst with 429, field q and Retry-After, while name searches go on', async () => {
    let now = new Date('2026-11-27T08:00:00Z');
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '3000' }, { now: () => now });
    for (let i = 1; i <= 10; i++)
      expect((await t.request(`/api/v1/search?q=${idNumber(i)}`)).status).toBe(200);
    const refused = await t.request(`/api/v1/search?q=${idNumber(11)}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', field: 'q' });
    expect(body.error.message).toMatch(/证件号码/);
    expect((await t.request(`/api/v1/search?q=${encodeURIComponent('王')}`)).status).toBe(200);
    expect((await t.request('/api/v1/search?q=4601031980****1234')).status).toBe(429);
    now = new Date('2026-11-27T08:00:03Z'); // one token back after 3 s (20 a minute)
    expect((await t.request(`/api/v1/search?q=${idNumber(12)}`)).status).toBe(200);
  });

  it('is off with the other public limits (RATE_LIMIT_PER_MIN=0)', async () => {
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '0' });
    for (let i = 1; i <= 15; i++)
      expect((await t.request(`/api/v1/search?q=${idNumber(i)}`)).status).toBe(200);
  });
});
