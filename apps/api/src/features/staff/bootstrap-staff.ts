import type { Database } from '@portal/db';
import { appendAudit } from '@portal/db';
import { courts, executionUnits, listings, staff, staffTokens } from '@portal/db/schema';
import { count, desc, eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { hashToken } from './staff-auth.ts';

export const BOOTSTRAP_STAFF_ID = 'S-BOOTSTRAP-ADMIN';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The court the bootstrap accounts belong to: the one whose execution units hold the most
 * listings (with the demo data, a court whose units, tips and campaign figures the console then
 * shows), else any court, else a placeholder court created here.
 */
async function bootstrapCourt(tx: Tx): Promise<{ id: string }> {
  const [busiest] = await tx
    .select({ id: executionUnits.courtId, n: count() })
    .from(listings)
    .innerJoin(executionUnits, eq(listings.unitId, executionUnits.id))
    .groupBy(executionUnits.courtId)
    .orderBy(desc(count()), executionUnits.courtId)
    .limit(1);
  if (busiest) return { id: busiest.id };
  const [any] = await tx.select({ id: courts.id }).from(courts).orderBy(courts.id).limit(1);
  if (any) return any;
  await tx.insert(courts).values({ id: 'C-BOOTSTRAP', name: '本院', code: '琼0000', region: '海南省' });
  return { id: 'C-BOOTSTRAP' };
}

/**
 * Embedded mode only (the env module refuses it in production): makes sure a court-admin token
 * with the given value exists, in the court `bootstrapCourt` picks.
 */
export async function ensureBootstrapToken(db: Database, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  const existing = await db
    .select({ id: staffTokens.id })
    .from(staffTokens)
    .where(eq(staffTokens.tokenHash, tokenHash));
  if (existing.length > 0) return;
  await db.transaction(async (tx) => {
    const court = await bootstrapCourt(tx);
    const [admin] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, BOOTSTRAP_STAFF_ID));
    if (!admin) {
      await tx.insert(staff).values({
        id: BOOTSTRAP_STAFF_ID,
        name: '系统管理员（引导令牌）',
        role: 'court_admin',
        courtId: court.id,
      });
    }
    await tx.insert(staffTokens).values({
      id: `T-${tokenHash.slice(0, 16)}`,
      staffId: BOOTSTRAP_STAFF_ID,
      tokenHash,
      label: 'STAFF_BOOTSTRAP_TOKEN',
    });
    await appendAudit(tx, {
      actor: 'system',
      action: 'staff.token.bootstrap',
      entity: 'staff',
      entityId: BOOTSTRAP_STAFF_ID,
    });
  });
}

export const BOOTSTRAP_ADMIN_ID = 'S-BOOTSTRAP-ACCOUNT';

/**
 * Embedded mode only (`STAFF_BOOTSTRAP_ADMIN=username:password`, refused in production): makes
 * sure a court-admin account with that username and password exists and can sign in, so the
 * console can be tried on a fresh start. Re-running with a new password resets it (audited).
 */
export async function ensureBootstrapAdmin(db: Database, usernameAndPassword: string): Promise<void> {
  const colon = usernameAndPassword.indexOf(':');
  const username = usernameAndPassword.slice(0, colon);
  const password = usernameAndPassword.slice(colon + 1);
  const [existing] = await db.select().from(staff).where(eq(staff.username, username));
  if (
    existing?.passwordHash &&
    (await verifyPassword(password, existing.passwordHash)) &&
    !existing.disabledAt
  ) {
    return;
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const court = await bootstrapCourt(tx);
    if (existing) {
      await tx
        .update(staff)
        .set({
          passwordHash,
          role: 'court_admin',
          unitId: null,
          disabledAt: null,
          failedLogins: 0,
          lockedUntil: null,
        })
        .where(eq(staff.id, existing.id));
    } else {
      await tx.insert(staff).values({
        id: BOOTSTRAP_ADMIN_ID,
        name: '系统管理员',
        username,
        passwordHash,
        role: 'court_admin',
        courtId: court.id,
      });
    }
    await appendAudit(tx, {
      actor: 'system',
      action: existing ? 'staff.bootstrap.reset' : 'staff.bootstrap.create',
      entity: 'staff',
      entityId: existing?.id ?? BOOTSTRAP_ADMIN_ID,
      details: { username },
    });
  });
}
