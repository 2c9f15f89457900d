import type { Database } from '@portal/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { StaffPrincipal } from '../features/staff/principal.ts';
import { findPrincipal } from '../features/staff/staff-auth.ts';

/** Every staff route lives under this prefix; `createApp` mounts the gate on it once. */
export const STAFF_PATH_PREFIX = '/api/v1/admin/';

/**
 * The one staff gate: `Authorization: Bearer <token>` of a live staff token, or 401. Mounted in
 * `createApp` for `/api/v1/admin/*` before any staff route, so no registration order can expose one.
 */
export function requireStaff(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match?.[1] ? await findPrincipal(db, match[1]) : null;
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
