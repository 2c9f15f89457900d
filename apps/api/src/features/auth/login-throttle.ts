import type { Database } from '@portal/db';
import { loginAttempts } from '@portal/db/schema';
import { eq, sql } from 'drizzle-orm';

/** Failed sign-ins a client may make in a window before it must wait (per client, all accounts). */
export const CLIENT_FAILURE_LIMIT = 20;
/** Failed sign-ins in a row that lock an account. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Length of both windows: the client's failure window and the account's lockout. */
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Milliseconds the client must still wait, or 0. */
export async function clientWaitMs(db: Database, clientKey: string, now: Date): Promise<number> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.clientKey, clientKey));
  if (!row) return 0;
  const windowEnds = row.windowStartedAt.getTime() + LOCKOUT_MS;
  if (windowEnds <= now.getTime() || row.failures < CLIENT_FAILURE_LIMIT) return 0;
  return windowEnds - now.getTime();
}

/** Counts one failure for the client, starting a new window when the old one ended. */
export async function recordClientFailure(db: Database, clientKey: string, now: Date): Promise<void> {
  const windowFloor = new Date(now.getTime() - LOCKOUT_MS);
  await db
    .insert(loginAttempts)
    .values({ clientKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.clientKey,
      set: {
        failures: sql`case when ${loginAttempts.windowStartedAt} <= ${windowFloor.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginAttempts.windowStartedAt} <= ${windowFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginAttempts.windowStartedAt} end`,
      },
    });
}
