import { cors } from 'hono/cors';
import type { Env } from '../env.ts';

/**
 * CORS limited to the site's own origin and the configured mini-program/H5 origins. Same-origin
 * pages need no CORS at all; this only widens access for the listed hosts.
 */
export function corsForPublicApi(env: Env) {
  const allowed = new Set<string>();
  if (env.SITE_URL) allowed.add(new URL(env.SITE_URL).origin);
  for (const o of env.CORS_ORIGINS?.split(',') ?? []) if (o.trim()) allowed.add(o.trim());
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
    maxAge: 600,
  });
}
