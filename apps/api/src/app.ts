import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { ApiApp, AppDeps } from './context.ts';
import { ApiError } from './errors.ts';
import { wechatRefererCheck } from './features/miniprogram/wechat-referer.ts';
import { registerApiRoutes } from './features/register-routes.ts';
import { bodyLimits } from './http/body-limits.ts';
import { clientIdentity } from './http/client-identity.ts';
import { corsForPublicApi } from './http/cors.ts';
import { handleError } from './http/error-handler.ts';
import { identifierQueryLimit } from './http/identifier-query-limit.ts';
import { parseTrustedProxies, rateLimit } from './http/rate-limit.ts';
import { requireStaff, STAFF_PATH_PREFIX } from './http/require-staff.ts';
import { securityHeaders } from './http/security-headers.ts';
import { validationHook } from './http/validation-hook.ts';

/**
 * The Hono application: `/api/v1` (public and staff API, screens) plus whatever `mountExtras`
 * adds (static site, kiosk) in `main.ts`. Tests call `createApp(deps).request(...)`.
 */
export function createApp(deps: AppDeps): ApiApp {
  const app: ApiApp = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(handleError(deps.logger));
  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', securityHeaders());
  app.use('*', bodyLimits());
  app.use('/api/*', corsForPublicApi(deps.env));
  app.use('/api/*', wechatRefererCheck(deps.env.WECHAT_APPID));
  const proxies = parseTrustedProxies(deps.env.TRUST_PROXY);
  app.use('*', clientIdentity(proxies));
  const limit = rateLimit(
    deps.env.RATE_LIMIT_PER_MIN,
    deps.rateLimitStore,
    () => deps.now().getTime(),
    proxies,
  );
  // staff routes are authenticated instead
  app.use('/api/v1/*', async (c, next) =>
    c.req.path.startsWith(STAFF_PATH_PREFIX) ? next() : limit(c, next),
  );
  app.use(
    '/api/v1/search',
    identifierQueryLimit(
      deps.env.RATE_LIMIT_PER_MIN > 0,
      deps.rateLimitStore,
      () => deps.now().getTime(),
      proxies,
    ),
  );
  // the one staff gate, before any staff route is registered
  app.use(
    `${STAFF_PATH_PREFIX}*`,
    requireStaff({
      db: deps.db,
      now: deps.now,
      allowedOrigins: deps.env.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [],
    }),
  );
  registerApiRoutes(app, deps);
  app.all('/api/*', () => {
    throw new ApiError('NOT_FOUND');
  });
  return app;
}
