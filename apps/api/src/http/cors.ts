import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Env } from '../env.ts';

/**
 * CORS limited to the site's own origin and the configured mini-program/H5 origins. Same-origin
 * pages need no CORS at all; this only widens access for the listed hosts.
 *
 * Preflights (OPTIONS) go through Hono's `cors`. Other requests get the same two headers as it
 * would set (`Access-Control-Allow-Origin` for a listed origin, `Vary: Origin` always), written on
 * the route's answer after it is made: Hono's `cors` sets them through `c.header()` on a
 * finished response, which rebuilds it as a full fetch `Response` with its body as a stream —
 * about a fifth of a search request's server time (tests/bench/http-search.bench.ts).
 */
export function corsForPublicApi(env: Env): MiddlewareHandler {
  const allowed = new Set<string>();
  if (env.SITE_URL) allowed.add(new URL(env.SITE_URL).origin);
  for (const o of env.CORS_ORIGINS?.split(',') ?? []) if (o.trim()) allowed.add(o.trim());
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin');
    await next();
    const headers = c.res.headers;
    if (origin && allowed.has(origin)) headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin');
  };
}
