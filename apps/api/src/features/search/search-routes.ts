import { DEFAULT_PAGE_SIZE, type SearchResult, searchRoute } from '@portal/contract';
import type { SearchQuery } from '@portal/search';
import type { TypedResponse } from 'hono';
import type { ApiApp, AppDeps } from '../../context.ts';
import { representativeOnlyMatches } from './representative-matches.ts';

/** `GET /api/v1/search`: the public search over the read model (CONTRACT.md). */
export function registerSearch(app: ApiApp, deps: AppDeps): void {
  app.openapi(searchRoute, async (c) => {
    const p = c.req.valid('query');
    const query: SearchQuery = {
      q: p.q,
      filters: {
        ...(p.kind ? { kind: p.kind } : {}),
        ...(p.category !== undefined ? { category: p.category } : {}),
        ...(p.region ? { region: p.region } : {}),
        ...(p.court ? { court: p.court } : {}),
        // `livelihood=false` means "no filter", like an unticked box
        ...(p.livelihood ? { livelihood: true } : {}),
      },
      sort: p.sort,
      page: p.page ?? 1,
      pageSize: p.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    const body = await deps.searchCache.getOrCompute(JSON.stringify(query), async () => {
      const result = await deps.search.search(query);
      return Buffer.from(
        JSON.stringify({ ...result, representativeMatches: representativeOnlyMatches(query.q, result.hits) }),
      );
    });
    // the answer is already serialized (a SearchResult as UTF-8 JSON): send the bytes as they are
    // (Buffer.from gives a view of a plain ArrayBuffer)
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-store',
    }) as unknown as TypedResponse<SearchResult, 200, 'json'>;
  });
}
