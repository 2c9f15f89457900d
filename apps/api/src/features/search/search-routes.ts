import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { parseSearchParams, RESULT_WINDOW } from './search-params.ts';

/** `GET /api/v1/search`: the public search over the read model (CONTRACT.md). */
export function registerSearch(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/v1/search', async (c) => {
    const query = parseSearchParams(new URL(c.req.url).searchParams);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    if (page * pageSize > RESULT_WINDOW) throw new ApiError('RESULT_WINDOW_EXCEEDED', { field: 'page' });
    const key = JSON.stringify(query);
    const body = await deps.searchCache.getOrCompute(key, async () =>
      JSON.stringify(await deps.search.search(query)),
    );
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });
}
