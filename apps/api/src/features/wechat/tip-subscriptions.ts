import { tips, tipWechatLinks } from '@portal/db/schema';
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { OPENID_AAD, receiptMac } from '../tips/tip-intake.ts';
import { openidOfSession } from './wechat-sessions.ts';

/**
 * Records the tipster's consent (`requestSubscribeMessage` accepted) for the tip behind the
 * receipt: only the WeChat user who sent that tip can subscribe to it. A tip sent by someone
 * else, from the site, or an unknown receipt all answer the same 404.
 */
export async function subscribeToTip(
  deps: Pick<AppDeps, 'db' | 'now' | 'tips'>,
  session: string,
  normalizedReceipt: string,
): Promise<void> {
  const openid = await openidOfSession(deps.db, deps.tips.keyring, session, deps.now());
  const [row] = await deps.db
    .select({ tipId: tips.id, sealed: tipWechatLinks.openidSealed })
    .from(tips)
    .innerJoin(tipWechatLinks, eq(tipWechatLinks.tipId, tips.id))
    .where(eq(tips.receiptHash, receiptMac(deps.tips, normalizedReceipt)));
  let owner: string | null = null;
  if (row) {
    try {
      owner = deps.tips.keyring.open('wechat-openid', row.sealed, OPENID_AAD(row.tipId));
    } catch {
      owner = null;
    }
  }
  if (!row || owner !== openid) throw new ApiError('RECEIPT_NOT_FOUND', { field: 'receipt' });
  await deps.db
    .update(tipWechatLinks)
    .set({ subscribedAt: sql`now()` })
    .where(eq(tipWechatLinks.tipId, row.tipId));
}
