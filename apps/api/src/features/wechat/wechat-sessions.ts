import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@portal/db';
import { wechatSessions } from '@portal/db/schema';
import { and, eq, gt, lte } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { TipKeyring } from '../tips/tip-keyring.ts';

/** A mini-program session lasts a week; the app logs in again (a fresh `wx.login` code) after that. */
export const WECHAT_SESSION_TTL_MS = 7 * 86_400_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const aad = (tokenHash: string) => ({ table: 'wechat_sessions', column: 'openid_sealed', rowId: tokenHash });

/**
 * Starts a session for the user `code2Session` named: an opaque random token for the app, the
 * openid sealed at rest under the token's hash. Nothing of WeChat's session key is kept.
 */
export async function startWechatSession(
  db: Database,
  keyring: TipKeyring,
  openid: string,
  now: Date,
): Promise<{ session: string; expiresAt: string }> {
  const session = `ws_${randomBytes(32).toString('base64url')}`;
  const tokenHash = hashOf(session);
  const expiresAt = new Date(now.getTime() + WECHAT_SESSION_TTL_MS);
  await db.delete(wechatSessions).where(lte(wechatSessions.expiresAt, now));
  await db.insert(wechatSessions).values({
    tokenHash,
    openidSealed: keyring.seal('wechat-openid', openid, aad(tokenHash)),
    expiresAt,
  });
  return { session, expiresAt: expiresAt.toISOString() };
}

/** The openid behind a session; an unknown or expired one answers 401 (the app logs in again). */
export async function openidOfSession(
  db: Database,
  keyring: TipKeyring,
  session: string,
  now: Date,
): Promise<string> {
  const tokenHash = hashOf(session);
  const [row] = await db
    .select()
    .from(wechatSessions)
    .where(and(eq(wechatSessions.tokenHash, tokenHash), gt(wechatSessions.expiresAt, now)));
  if (!row) throw new ApiError('WECHAT_SESSION_INVALID', { field: 'x-wechat-session' });
  return keyring.open('wechat-openid', row.openidSealed, aad(tokenHash));
}
