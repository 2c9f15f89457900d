import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a cross-site write that would ride on the session cookie. SameSite=Strict already
 * keeps the cookie off cross-site requests in current browsers; this is the second lock for
 * older ones and for same-site-but-cross-origin pages: `Sec-Fetch-Site` must say same-origin (or
 * none: typed by the user), else `Origin` must be this server's origin or one of `allowedOrigins`.
 */
export function assertSameOriginWrite(c: Context, allowedOrigins: readonly string[] = []): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite === 'same-origin' || fetchSite === 'none') return;
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') throw csrf();
  const origin = c.req.header('origin');
  if (!origin) throw csrf();
  const own = new URL(c.req.url).origin;
  if (origin === own || allowedOrigins.includes(origin)) return;
  throw csrf();
}

function csrf(): ApiError {
  return new ApiError('CSRF_REJECTED', { logDetail: 'cross-site write with the session cookie' });
}
