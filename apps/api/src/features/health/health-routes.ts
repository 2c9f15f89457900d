import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';

export interface HealthResponse {
  status: 'ok';
  database: 'pglite' | 'postgres';
  search: 'embedded' | 'meilisearch';
}

/** `GET /api/v1/health`: which engines this process runs on (CONTRACT.md). */
export function registerHealth(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/v1/health', (c) =>
    c.json<HealthResponse>({ status: 'ok', database: deps.dbKind, search: deps.search.engine }),
  );
}
