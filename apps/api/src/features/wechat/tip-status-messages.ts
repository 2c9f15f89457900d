import { type Database, newId } from '@portal/db';
import { tipWechatLinks, wechatMessages } from '@portal/db/schema';
import type { TipStatus } from '@portal/domain';
import { WechatError } from '@portal/wechat';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Logger } from '../../logger.ts';
import { OPENID_AAD } from '../tips/tip-intake.ts';
import type { TipKeyring } from '../tips/tip-keyring.ts';
import { type OutboxWorker, startOutboxLoop } from './outbox-loop.ts';
import type { WechatServices } from './wechat-services.ts';

/** `phrase` values of a subscription message hold at most 5 characters. */
const STATUS_PHRASES: Record<TipStatus, string> = {
  received: '已收到',
  in_review: '核查中',
  verified: '线索属实',
  not_useful: '未能核实',
  closed: '已办结',
};
const NOTE = '请在“我的举报”凭回执码查看';
/** waits after attempt n; past the end the message is dead */
export const WECHAT_RETRY_MS = [5_000, 60_000, 600_000, 3_600_000, 21_600_000];
const LEASE_MS = 60_000;
/** WeChat answers that will not change on a retry: not subscribed, bad template data or page. */
const FINAL_ERRORS = new Set([43101, 47003, 41030, 40003, 40037]);

/**
 * Queues "your tip's status changed" inside the transaction of the change, only when the tipster
 * subscribed from the mini-program (one-time subscription: one message per consent).
 */
export async function queueTipStatusMessage(tx: Database, tipId: string, status: TipStatus): Promise<void> {
  await tx.execute(sql`
    insert into ${wechatMessages} (id, tip_id, status)
    select ${`wxm_${newId()}`}, ${tipWechatLinks.tipId}, ${status}
    from ${tipWechatLinks}
    where ${tipWechatLinks.tipId} = ${tipId} and ${tipWechatLinks.subscribedAt} is not null`);
}

export type WechatMessageWorker = OutboxWorker;

function chinaTime(d: Date): string {
  // the template's `time` field: 2026-11-30 14:05 in China Standard Time
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Sends queued subscription messages at least once: claim due rows with a lease (`FOR UPDATE SKIP
 * LOCKED`), send with no transaction open, then mark delivered (the consent is used up), retry
 * with backoff, or dead on a final answer such as 43101 (the user withdrew the subscription).
 */
export function startWechatMessageWorker(opts: {
  db: Database;
  wechat: WechatServices;
  keyring: TipKeyring;
  logger: Logger;
  now: () => Date;
  pollMs?: number;
  retryMs?: readonly number[];
}): WechatMessageWorker {
  const retry = opts.retryMs ?? WECHAT_RETRY_MS;

  async function claim() {
    const due = opts.db
      .select({ id: wechatMessages.id })
      .from(wechatMessages)
      .where(
        and(
          isNull(wechatMessages.deliveredAt),
          isNull(wechatMessages.deadAt),
          sql`${wechatMessages.nextAttemptAt} <= now()`,
          sql`(${wechatMessages.lockedUntil} is null or ${wechatMessages.lockedUntil} <= now())`,
        ),
      )
      .orderBy(wechatMessages.nextAttemptAt)
      .limit(20)
      .for('update', { skipLocked: true });
    return opts.db
      .update(wechatMessages)
      .set({
        lockedUntil: sql`now() + ${LEASE_MS} * interval '1 millisecond'`,
        attempts: sql`${wechatMessages.attempts} + 1`,
      })
      .where(sql`${wechatMessages.id} in (${due})`)
      .returning();
  }

  async function sendOne(row: typeof wechatMessages.$inferSelect): Promise<void> {
    const client = opts.wechat.client;
    const templateId = opts.wechat.tipTemplateId;
    const [link] = await opts.db
      .select()
      .from(tipWechatLinks)
      .where(and(eq(tipWechatLinks.tipId, row.tipId), isNotNull(tipWechatLinks.subscribedAt)));
    const dead = (error: string) =>
      opts.db
        .update(wechatMessages)
        .set({ deadAt: sql`now()`, lockedUntil: null, lastError: error.slice(0, 500) })
        .where(eq(wechatMessages.id, row.id));
    if (!client || !templateId) return void (await dead('WeChat or the tip template is not configured'));
    if (!link) return void (await dead('no subscription left for this tip'));
    const [kStatus, kTime, kNote] = opts.wechat.tipTemplateKeys;
    try {
      await client.sendSubscribeMessage({
        openid: opts.keyring.open('wechat-openid', link.openidSealed, OPENID_AAD(row.tipId)),
        templateId,
        page: 'sub/my-tips/index',
        data: { [kStatus]: STATUS_PHRASES[row.status], [kTime]: chinaTime(opts.now()), [kNote]: NOTE },
      });
      await opts.db.transaction(async (tx) => {
        await tx
          .update(wechatMessages)
          .set({ deliveredAt: sql`now()`, lockedUntil: null, lastError: null })
          .where(eq(wechatMessages.id, row.id));
        // a one-time subscription allows one message: the next change needs a new consent
        await tx
          .update(tipWechatLinks)
          .set({ subscribedAt: null })
          .where(eq(tipWechatLinks.tipId, row.tipId));
      });
    } catch (error) {
      const code = error instanceof WechatError ? error.errcode : null;
      const text = error instanceof Error ? error.message : String(error);
      if (code === 43101) await clearSubscription(row.tipId);
      const wait = retry[row.attempts - 1];
      if ((code !== null && FINAL_ERRORS.has(code)) || wait === undefined) {
        if (code !== 43101) opts.logger.warn({ errcode: code }, 'subscription message given up');
        return void (await dead(text));
      }
      await opts.db
        .update(wechatMessages)
        .set({
          lockedUntil: null,
          lastError: text.slice(0, 500),
          nextAttemptAt: sql`now() + ${Math.round(wait * (0.8 + Math.random() * 0.4))} * interval '1 millisecond'`,
        })
        .where(eq(wechatMessages.id, row.id));
    }
  }

  /** 43101: the user turned the subscription off; keep no consent we no longer have. */
  async function clearSubscription(tipId: string) {
    await opts.db.update(tipWechatLinks).set({ subscribedAt: null }).where(eq(tipWechatLinks.tipId, tipId));
  }

  return startOutboxLoop({
    name: 'subscription message worker',
    claim,
    handle: sendOne,
    logger: opts.logger,
    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
  });
}
