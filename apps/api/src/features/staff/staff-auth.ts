import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@portal/db';
import { staff, staffTokens } from '@portal/db/schema';
import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';

export interface StaffPrincipal {
  staffId: string;
  name: string;
  role: 'court_admin' | 'unit_member';
  courtId: string;
  unitId: string | null;
}

/** Tokens are stored as SHA-256 hex only: a leaked table does not hand out staff access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return `stf_${randomBytes(24).toString('base64url')}`;
}

export async function findPrincipal(db: Database, token: string): Promise<StaffPrincipal | null> {
  const rows = await db
    .select({
      staffId: staff.id,
      name: staff.name,
      role: staff.role,
      courtId: staff.courtId,
      unitId: staff.unitId,
    })
    .from(staffTokens)
    .innerJoin(staff, eq(staff.id, staffTokens.staffId))
    .where(and(eq(staffTokens.tokenHash, hashToken(token)), isNull(staffTokens.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Requires `Authorization: Bearer <token>` of a live staff token; 401 otherwise. */
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

/**
 * Unit scoping: a court admin acts on any listing; a unit member only on its own unit's.
 * @example assertCanActOnUnit(principal, listing.unitId) // throws FORBIDDEN outside the unit
 */
export function assertCanActOnUnit(principal: StaffPrincipal, unitId: string | null): void {
  if (principal.role === 'court_admin') return;
  if (!principal.unitId || principal.unitId !== unitId) {
    throw new ApiError('FORBIDDEN', { message: '您只能处理本执行单元的案件。' });
  }
}

export function assertCourtAdmin(principal: StaffPrincipal): void {
  if (principal.role !== 'court_admin') {
    throw new ApiError('FORBIDDEN', { message: '此操作仅限法院管理员。' });
  }
}
