import { createHash, randomBytes } from 'node:crypto';
import { appendAudit, type Database, newId } from '@portal/db';
import { tipAttachments, tipWechatLinks, wechatMediaChecks } from '@portal/db/schema';
import { WechatError } from '@portal/wechat';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Logger } from '../../logger.ts';
import { OPENID_AAD } from '../tips/tip-intake.ts';
import type { TipKeyring } from '../tips/tip-keyring.ts';
import { type OutboxWorker, startOutboxLoop } from './outbox-loop.ts';
import type { WechatServices } from './wechat-services.ts';

/** How long WeChat may fetch a submitted photo (it fetches within minutes; its verdict follows). */
export const MEDIA_TOKEN_TTL_MS = 30 * 60_000;
/** waits after attempt n; past the end the check is dead (the photo stays, unchecked) */
export const MEDIA_CHECK_RETRY_MS = [5_000, 60_000, 600_000, 3_600_000];
const LEASE_MS = 60_000;
/** WeChat answers that will not change on a retry: bad parameters, openid of another app. */
const FINAL_ERRORS = new Set([40003, 40097, 41030, 61010]);

export const mediaTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Queues a `mediaCheckAsync` submission for each photo of a mini-program tip, inside the tip's
 * transaction: the check survives a restart between the 201 and the submission.
 */
export async function queueMediaChecks(tx: Database, tipId: string, attachmentIds: string[]): Promise<void> {
  if (attachmentIds.length === 0) return;
  await tx
    .insert(wechatMediaChecks)
    .values(attachmentIds.map((attachmentId) => ({ id: `wmc_${newId()}`, tipId, attachmentId })));
}

/** The photo a live media token unlocks (not expired, not quarantined), or null. */
export async function photoForMediaToken(db: Database, token: string) {
  const [row] = await db
    .select({ path: tipAttachments.path, contentType: tipAttachments.contentType })
    .from(wechatMediaChecks)
    .innerJoin(tipAttachments, eq(tipAttachments.id, wechatMediaChecks.attachmentId))
    .where(
      and(
        eq(wechatMediaChecks.tokenHash, mediaTokenHash(token)),
        gt(wechatMediaChecks.tokenExpiresAt, sql`now()`),
        isNull(tipAttachments.quarantinedAt),
      ),
    );
  return row ?? null;
}

export type MediaVerdict = 'pass' | 'review' | 'risky';

/**
 * Records WeChat's verdict on a submitted photo. `risky` quarantines the photo (staff no longer
 * get it) and is audited; `pass` and `review` leave it (staff read every tip). An unknown trace
 * id (not ours, or already purged) is ignored: false.
 */
export async function applyMediaVerdict(
  db: Database,
  traceId: string,
  verdict: MediaVerdict,
  label: number | undefined,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [check] = await tx
      .update(wechatMediaChecks)
      .set({ verdict, verdictAt: sql`now()`, tokenHash: null, tokenExpiresAt: null })
      .where(eq(wechatMediaChecks.traceId, traceId))
      .returning();
    if (!check) return false;
    if (verdict === 'risky') {
      const quarantined = await tx
        .update(tipAttachments)
        .set({ quarantinedAt: sql`now()` })
        .where(and(eq(tipAttachments.id, check.attachmentId), isNull(tipAttachments.quarantinedAt)))
        .returning({ id: tipAttachments.id });
      if (quarantined.length > 0)
        await appendAudit(tx, {
          actor: 'system:wechat-media-check',
          action: 'tip.photo.quarantine',
          entity: 'tip',
          entityId: check.tipId,
          details: { attachmentId: check.attachmentId, traceId, label: label ?? null },
        });
    }
    return true;
  });
}

export type WechatMediaCheckWorker = OutboxWorker;

/**
 * Submits queued photos to `mediaCheckAsync` v2 at least once: claim due rows with a lease, mint a
 * fresh media token (≥128 random bits; only its hash stored, valid 30 minutes) before the call so
 * WeChat can fetch at once, call WeChat with no transaction open, then store the trace id, retry
 * with backoff, or give up on a final answer.
 */
export function startWechatMediaCheckWorker(opts: {
  db: Database;
  wechat: WechatServices;
  keyring: TipKeyring;
  logger: Logger;
  pollMs?: number;
  retryMs?: readonly number[];
}): WechatMediaCheckWorker {
  const retry = opts.retryMs ?? MEDIA_CHECK_RETRY_MS;

  async function claim() {
    const due = opts.db
      .select({ id: wechatMediaChecks.id })
      .from(wechatMediaChecks)
      .where(
        and(
          isNull(wechatMediaChecks.submittedAt),
          isNull(wechatMediaChecks.deadAt),
          sql`${wechatMediaChecks.nextAttemptAt} <= now()`,
          sql`(${wechatMediaChecks.lockedUntil} is null or ${wechatMediaChecks.lockedUntil} <= now())`,
        ),
      )
      .orderBy(wechatMediaChecks.nextAttemptAt)
      .limit(20)
      .for('update', { skipLocked: true });
    return opts.db
      .update(wechatMediaChecks)
      .set({
        lockedUntil: sql`now() + ${LEASE_MS} * interval '1 millisecond'`,
        attempts: sql`${wechatMediaChecks.attempts} + 1`,
      })
      .where(sql`${wechatMediaChecks.id} in (${due})`)
      .returning();
  }

  async function submitOne(row: typeof wechatMediaChecks.$inferSelect): Promise<void> {
    const client = opts.wechat.client;
    const base = opts.wechat.mediaBaseUrl;
    const dead = (error: string) =>
      opts.db
        .update(wechatMediaChecks)
        .set({ deadAt: sql`now()`, lockedUntil: null, tokenHash: null, lastError: error.slice(0, 500) })
        .where(eq(wechatMediaChecks.id, row.id));
    if (!client || !base) return void (await dead('WeChat or the media base URL is not configured'));
    const [link] = await opts.db.select().from(tipWechatLinks).where(eq(tipWechatLinks.tipId, row.tipId));
    if (!link) return void (await dead('the tip has no WeChat user'));
    const token = randomBytes(32).toString('base64url');
    await opts.db
      .update(wechatMediaChecks)
      .set({
        tokenHash: mediaTokenHash(token),
        tokenExpiresAt: sql`now() + ${MEDIA_TOKEN_TTL_MS} * interval '1 millisecond'`,
      })
      .where(eq(wechatMediaChecks.id, row.id));
    try {
      const { traceId } = await client.checkMediaAsync({
        openid: opts.keyring.open('wechat-openid', link.openidSealed, OPENID_AAD(row.tipId)),
        mediaUrl: `${base}/api/v1/wechat/media/${token}`,
        scene: 2,
      });
      await opts.db
        .update(wechatMediaChecks)
        .set({ traceId, submittedAt: sql`now()`, lockedUntil: null, lastError: null })
        .where(eq(wechatMediaChecks.id, row.id));
    } catch (error) {
      const code = error instanceof WechatError ? error.errcode : null;
      const text = error instanceof Error ? error.message : String(error);
      const wait = retry[row.attempts - 1];
      if ((code !== null && FINAL_ERRORS.has(code)) || wait === undefined) {
        opts.logger.warn({ errcode: code }, 'photo media check given up; photo stays unchecked');
        return void (await dead(text));
      }
      await opts.db
        .update(wechatMediaChecks)
        .set({
          lockedUntil: null,
          tokenHash: null,
          tokenExpiresAt: null,
          lastError: text.slice(0, 500),
          nextAttemptAt: sql`now() + ${Math.round(wait * (0.8 + Math.random() * 0.4))} * interval '1 millisecond'`,
        })
        .where(eq(wechatMediaChecks.id, row.id));
    }
  }

  return startOutboxLoop({
    name: 'photo media check worker',
    claim,
    handle: submitOne,
    logger: opts.logger,
    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
  });
}
