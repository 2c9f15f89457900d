import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './context.ts';
import { ApiError } from './errors.ts';
import { registerApiRoutes } from './features/register-routes.ts';
import { corsForPublicApi } from './http/cors.ts';
import { handleError } from './http/error-handler.ts';
import { rateLimit } from './http/rate-limit.ts';

/**
 * The Hono application: `/api/v1` (public and staff API, screens) plus whatever `mountExtras`
 * adds (static site, kiosk) in `main.ts`. Tests call `createApp(deps).request(...)`.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError(deps.logger));
  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use('/api/*', corsForPublicApi(deps.env));
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/admin/')) return next();
    return rateLimit(deps.env.RATE_LIMIT_PER_MIN, deps.rateLimitStore, () => deps.now().getTime())(c, next);
  });
  registerApiRoutes(app, deps);
  app.all('/api/*', () => {
    throw new ApiError('NOT_FOUND');
  });
  return app;
}
