import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const [pglite] = backends();

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describe('query parameters are checked against the contract', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
  });
  afterAll(async () => {
    await t.close();
  });

  async function rejected(path: string, init: Parameters<TestRuntime['request']>[1] = {}) {
    const res = await t.request(path, init);
    expect(res.status, path).toBe(400);
    return ((await res.json()) as ErrorBody).error;
  }

  it('a misspelled filter answers 400 naming it instead of unfiltered results', async () => {
    const error = await rejected('/api/v1/search?q=王&categroy=1');
    expect(error).toMatchObject({ code: 'INVALID_PARAMETER', field: 'categroy' });
    expect(error.message).toContain('categroy');
    expect(await rejected('/api/v1/admin/listings?stauts=draft', { token: 'admin' })).toMatchObject({
      field: 'stauts',
    });
    expect(await rejected('/api/v1/screens/board.json?pgae=2')).toMatchObject({ field: 'pgae' });
  });

  it('a page number too large for any integer is a 400 with the field, never a 500', async () => {
    const huge = '99999999999999999999';
    expect(await rejected(`/api/v1/admin/listings?page=${huge}`, { token: 'admin' })).toMatchObject({
      code: 'INVALID_PARAMETER',
      field: 'page',
      message: '页码必须是大于 0 的整数。',
    });
    expect(await rejected(`/api/v1/search?page=${huge}`)).toMatchObject({ field: 'page' });
    expect(await rejected(`/api/v1/screens/board.json?page=${huge}`)).toMatchObject({ field: 'page' });
  });

  it('keeps the zh-CN message of each search parameter', async () => {
    expect(await rejected('/api/v1/search?category=9')).toMatchObject({
      field: 'category',
      message: '失信情形只能是 1 至 6。',
    });
    expect(await rejected('/api/v1/search?pageSize=51')).toMatchObject({
      code: 'PAGE_SIZE_TOO_LARGE',
      message: '每页最多 50 条。',
    });
  });

  it('serves filters as before: livelihood=true narrows, an empty value is no filter', async () => {
    const res = await t.request('/api/v1/search?q=&kind=&livelihood=true');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { page: number; pageSize: number }).pageSize).toBe(20);
  });
});
