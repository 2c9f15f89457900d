import { healthRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';

/** `GET /api/v1/health`: which engines this process runs on (CONTRACT.md). */
export function registerHealth(app: ApiApp, deps: AppDeps): void {
  app.openapi(healthRoute, (c) =>
    c.json({ status: 'ok' as const, database: deps.dbKind, search: deps.search.engine }, 200),
  );
}
