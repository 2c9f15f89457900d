import { appendAudit, type Database } from '@portal/db';
import { staff } from '@portal/db/schema';
import { eq, sql } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { SealedBox } from '../../secrets/sealed-box.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { ACCOUNT_FAILURE_LIMIT, clientWaitMs, LOCKOUT_MS, recordClientFailure } from './login-throttle.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password-hash.ts';
import { createSession, type NewSession } from './sessions.ts';
import { verifyTotp } from './totp.ts';

export interface LoginDeps {
  db: Database;
  sealedBox: SealedBox;
  now: () => Date;
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
}

function throttled(waitMs: number): ApiError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new ApiError('LOGIN_THROTTLED', {
    message: `登录失败次数过多，请 ${minutes} 分钟后再试。`,
    headers: { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
  });
}

/**
 * Password (+ TOTP when enabled) sign-in. Guessing is slowed three ways: scrypt per attempt, a
 * lockout of the account after 5 failures in a row, and a cap of 20 failures per client per
 * 15 minutes across accounts (both stored in the database, so several processes share them).
 * An unknown username costs the same scrypt work and answers the same 401 as a wrong password.
 */
export async function login(
  deps: LoginDeps,
  input: LoginInput,
  clientKey: string,
): Promise<{ principal: StaffPrincipal; session: NewSession }> {
  const now = deps.now();
  const clientWait = await clientWaitMs(deps.db, clientKey, now);
  if (clientWait > 0) throw throttled(clientWait);

  const [account] = await deps.db.select().from(staff).where(eq(staff.username, input.username)).limit(1);
  if (account?.lockedUntil && account.lockedUntil > now) {
    throw throttled(account.lockedUntil.getTime() - now.getTime());
  }
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!account?.passwordHash || account.disabledAt || !passwordOk) {
    await failed(deps, clientKey, account?.id ?? null, now, 'password');
    throw new ApiError('LOGIN_FAILED');
  }
  if (account.totpEnabled && account.totpSecretSealed) {
    if (!input.totp) throw new ApiError('TOTP_REQUIRED', { field: 'totp' });
    const secret = deps.sealedBox.open(account.totpSecretSealed);
    if (!verifyTotp(secret, input.totp, now.getTime())) {
      await failed(deps, clientKey, account.id, now, 'totp');
      throw new ApiError('LOGIN_FAILED', { field: 'totp', message: '动态验证码不正确。' });
    }
  }

  await deps.db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, account.id));
  const session = await createSession(deps.db, account.id, now);
  await appendAudit(deps.db, {
    actor: account.id,
    action: 'staff.login',
    entity: 'staff',
    entityId: account.id,
    details: { session: session.id },
  });
  return {
    principal: {
      staffId: account.id,
      name: account.name,
      role: account.role,
      courtId: account.courtId,
      unitId: account.unitId,
    },
    session,
  };
}

async function failed(deps: LoginDeps, clientKey: string, staffId: string | null, now: Date, factor: string) {
  await recordClientFailure(deps.db, clientKey, now);
  if (!staffId) return;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
  const [row] = await deps.db
    .update(staff)
    .set({
      failedLogins: sql`case when ${staff.failedLogins} + 1 >= ${ACCOUNT_FAILURE_LIMIT} then 0 else ${staff.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${staff.failedLogins} + 1 >= ${ACCOUNT_FAILURE_LIMIT} then ${lockedUntil.toISOString()}::timestamptz else ${staff.lockedUntil} end`,
    })
    .where(eq(staff.id, staffId))
    .returning({ lockedUntil: staff.lockedUntil });
  await appendAudit(deps.db, {
    actor: staffId,
    action: row?.lockedUntil && row.lockedUntil > now ? 'staff.login.locked' : 'staff.login.failed',
    entity: 'staff',
    entityId: staffId,
    details: { factor },
  });
}
