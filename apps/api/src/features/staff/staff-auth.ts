import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@portal/db';
import { staff, staffTokens } from '@portal/db/schema';
import { and, eq, isNull } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from './principal.ts';

export type { StaffPrincipal } from './principal.ts';

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
    .where(
      and(
        eq(staffTokens.tokenHash, hashToken(token)),
        isNull(staffTokens.revokedAt),
        isNull(staff.disabledAt),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
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
