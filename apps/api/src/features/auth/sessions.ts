import { createHash, randomBytes } from 'node:crypto';
import { type Database, newId } from '@portal/db';
import { staff, staffSessions } from '@portal/db/schema';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { StaffPrincipal } from '../staff/principal.ts';

/** Name of the console's session cookie (HttpOnly, SameSite=Strict, Path=/). */
export const SESSION_COOKIE = 'portal_session';
/** A session ends 12 hours after sign-in whatever happens (a working day at the court). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** …and after 30 minutes without use (a desk left unattended). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Idle deadline is written back at most this often, not on every request. */
const IDLE_REFRESH_MS = 60 * 1000;

const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export interface NewSession {
  id: string;
  secret: string;
  expiresAt: Date;
}

/** Opens a session; only the SHA-256 of its secret is stored. */
export async function createSession(db: Database, staffId: string, now: Date): Promise<NewSession> {
  const secret = randomBytes(32).toString('base64url');
  const id = newId('SS-', now.getTime());
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(staffSessions).values({
    id,
    staffId,
    secretHash: hashSecret(secret),
    createdAt: now,
    expiresAt,
    idleUntil: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  return { id, secret, expiresAt };
}

/** The principal of a live session (not expired, idle, revoked, nor of a disabled account), or null. */
export async function findSessionPrincipal(
  db: Database,
  secret: string,
  now: Date,
): Promise<(StaffPrincipal & { sessionId: string }) | null> {
  if (secret.length > 100) return null;
  const [row] = await db
    .select({
      sessionId: staffSessions.id,
      idleUntil: staffSessions.idleUntil,
      staffId: staff.id,
      name: staff.name,
      role: staff.role,
      courtId: staff.courtId,
      unitId: staff.unitId,
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(
      and(
        eq(staffSessions.secretHash, hashSecret(secret)),
        isNull(staffSessions.revokedAt),
        isNull(staff.disabledAt),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.idleUntil, now),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { idleUntil, ...principal } = row;
  if (idleUntil.getTime() - now.getTime() < SESSION_IDLE_MS - IDLE_REFRESH_MS) {
    await db
      .update(staffSessions)
      .set({ idleUntil: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where(eq(staffSessions.id, row.sessionId));
  }
  return principal;
}

export async function revokeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.update(staffSessions).set({ revokedAt: now }).where(eq(staffSessions.id, sessionId));
}

/** Ends every session of a staff member (account disabled, role or password changed). */
export async function revokeAllSessions(db: Database, staffId: string, now: Date): Promise<number> {
  const rows = await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt)))
    .returning({ id: staffSessions.id });
  return rows.length;
}
