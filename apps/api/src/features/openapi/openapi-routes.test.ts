import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const [pglite] = backends();

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown }>>;
}

describe('OpenAPI document', () => {
  let t: TestRuntime;
  let doc: Doc;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
    doc = (await (await t.request('/api/v1/openapi.json')).json()) as Doc;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every /api/v1 route of the app, staff routes included', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.rt.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([^/]+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(15);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    for (const route of new Set(routes)) expect(documented, route).toContain(route);
    expect(documented).toEqual(
      expect.arrayContaining(['get /api/v1/admin/corrections', 'post /api/v1/admin/corrections/{id}/decide']),
    );
  });

  it('describes the search parameters the server validates, and request bodies', () => {
    const names = doc.paths['/api/v1/search']?.get?.parameters?.map((p) => p.name);
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
    expect(doc.paths['/api/v1/corrections']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/admin/listings/import']?.post?.requestBody).toBeDefined();
  });

  it('has a readable docs page in zh-CN', async () => {
    const page = await t.request('/api/v1/docs');
    const html = await page.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('/api/v1/search');
    expect(html).toContain('/api/v1/admin/corrections');
  });
});
