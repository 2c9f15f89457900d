import { healthRoute } from '@portal/contract';
import { ApiClientError, createApiClient } from '@portal/contract/client';
import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

describe.each(backends())('health through the typed client on $kind', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(backend);
  });
  afterAll(() => t?.close());

  const client = () =>
    createApiClient({
      baseUrl: 'http://portal.test',
      fetch: (url, init) => Promise.resolve(t.rt.app.request(url, init)),
    });

  it('names the database and search engines this process runs on', async () => {
    const health = await client().call(healthRoute);
    expect(health).toEqual({ status: 'ok', database: backend.kind, search: 'embedded' });
  });

  it('turns the API error envelope into an ApiClientError with code and zh-CN message', async () => {
    const missing = { ...healthRoute, path: '/api/v1/no-such-route' } as const;
    const error = await client()
      .call(missing)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((error as Error).message).toMatch(/未找到/);
  });
});
