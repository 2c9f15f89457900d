import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const [pglite] = backends();

describe('OpenAPI document', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes the contract routes with the search parameters the server validates', async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/search',
      '/api/v1/listings/{id}',
      '/api/v1/admin/listings/{id}/remove',
      '/api/v1/screens/board.png',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const names = doc.paths['/api/v1/search']?.get?.parameters.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'q',
        'kind',
        'category',
        'region',
        'court',
        'livelihood',
        'sort',
        'page',
        'pageSize',
      ]),
    );
  });

  it('has a readable docs page in zh-CN', async () => {
    const page = await t.request('/api/v1/docs');
    const html = await page.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('/api/v1/search');
  });
});
