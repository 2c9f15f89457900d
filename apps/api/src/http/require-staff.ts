import type { Database } from '@portal/db';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { findSessionPrincipal, SESSION_COOKIE } from '../features/auth/sessions.ts';
import type { StaffPrincipal } from '../features/staff/principal.ts';
import { findPrincipal } from '../features/staff/staff-auth.ts';
import { assertSameOriginWrite } from './csrf.ts';

/** Every staff route lives under this prefix; `createApp` mounts the gate on it once. */
export const STAFF_PATH_PREFIX = '/api/v1/admin/';

export interface StaffGateOptions {
  db: Database;
  now: () => Date;
  /** Origins besides the server's own allowed to write with the session cookie (the console's). */
  allowedOrigins?: readonly string[];
}

/**
 * The one staff gate, mounted in `createApp` for `/api/v1/admin/*` before any staff route, so no
 * registration order can expose one. Accepts `Authorization: Bearer <token>` (scripts, the import
 * CLI) or the console's session cookie; writes with the cookie must come from the same origin
 * (CSRF). 401 without a live credential.
 */
export function requireStaff(opts: StaffGateOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let principal: StaffPrincipal | null = null;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      principal = match?.[1] ? await findPrincipal(opts.db, match[1]) : null;
    } else {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) {
        principal = await findSessionPrincipal(opts.db, secret, opts.now());
        if (principal) assertSameOriginWrite(c, opts.allowedOrigins);
      }
    }
    if (!principal) throw new ApiError('UNAUTHENTICATED');
    c.set('staff', principal);
    await next();
  };
}

/** The principal the gate set; throws 401 if a route is somehow reached without it. */
export function staffOf(c: Context<AppEnv>): StaffPrincipal {
  const principal = c.get('staff');
  if (!principal)
    throw new ApiError('UNAUTHENTICATED', { logDetail: 'staff route reached without the gate' });
  return principal;
}
