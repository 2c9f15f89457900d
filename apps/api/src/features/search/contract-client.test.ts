import { listingDetailRoute, searchRoute, statsRoute } from '@portal/contract';
import { ApiClientError, createApiClient } from '@portal/contract/client';
import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const [pglite] = backends();

describe('the contract client against the real app', () => {
  let t: TestRuntime;
  let api: ReturnType<typeof createApiClient>;
  beforeAll(async () => {
    const frozen = new Date('2026-11-27T08:00:00Z'); // no token comes back during the test
    t = await openTestRuntime(pglite!, { RATE_LIMIT_PER_MIN: '20' }, { now: () => frozen });
    api = createApiClient({ fetch: async (url, init) => t.rt.app.request(url, init) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gets typed answers for the routes the site calls', async () => {
    const result = await api.call(searchRoute, { query: { q: '王', pageSize: '5' } });
    expect(result).toMatchObject({ page: 1, pageSize: 5, total: 0, hits: [] });
    const stats = await api.call(statsRoute);
    expect(stats.listed).toBe(0);
  });

  it('turns the envelope into ApiClientError with code, field and zh-CN message', async () => {
    const error = await api.call(searchRoute, { query: { category: '9' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({
      status: 400,
      code: 'INVALID_PARAMETER',
      field: 'category',
      enveloped: true,
    });
    const missing = await api.call(listingDetailRoute, { params: { id: 'LNOPE' } }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'LISTING_NOT_FOUND', enveloped: true });
  });

  it('rejects parameters a route does not take, naming them', async () => {
    const res = await t.request('/api/v1/listings/LNOPE?include=idNumber');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('include');
    expect((await t.request('/api/v1/stats?debug=1')).status).toBe(400);
  });

  it("reads Retry-After on 429 into retryAfterSeconds (the site's wait message)", async () => {
    let last: unknown;
    for (let i = 0; i < 30 && !(last instanceof ApiClientError); i++) {
      last = await api.call(statsRoute).catch((e: unknown) => e);
    }
    expect(last).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((last as ApiClientError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
