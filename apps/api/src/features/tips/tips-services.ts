import type { Database } from '@portal/db';
import type { Context } from 'hono';
import type { Env } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { clientNetworkOf } from '../../http/client-identity.ts';
import type { RateLimitStore } from '../../http/rate-limit-store.ts';
import { serverSecret } from '../../secrets/secrets.ts';
import type { GroupCommitQueue } from './group-commit-queue.ts';
import { createModerationPort, type ModerationPort } from './moderation.ts';
import type { Resolver } from './notifications/ssrf-guard.ts';
import type { PreparedTip, TipOutcome } from './prepared-tip.ts';
import { createDiskTipFileStore, type TipFileStore } from './tip-file-store.ts';
import { createTipKeyring, type TipKeyring } from './tip-keyring.ts';

/**
 * Hourly budgets per client, keyed by a keyed hash of the address prefix (no raw IP is kept), as
 * token buckets in the API's rate-limit store: in PostgreSQL when several processes share one
 * database, so a client cannot spread its tips or receipt guesses across them.
 */
export interface HourlyLimiter {
  /** Takes one from the client's budget; throws 429 with Retry-After once it is spent (0 = no limit). */
  hit(bucket: string, clientMac: string, limit: number, nowMs: number): Promise<void>;
  /** Gives back what `hit` took, for a request that stored nothing (refused input, 503). */
  refund(bucket: string, clientMac: string, limit: number): Promise<void>;
}

export function createHourlyLimiter(store: RateLimitStore): HourlyLimiter {
  const spec = (limit: number) => ({ capacity: limit, refillPerMs: limit / 3_600_000 });
  return {
    async refund(bucket, clientMac, limit) {
      if (limit > 0) await store.giveBack(`${bucket}:${clientMac}`, spec(limit));
    },
    async hit(bucket, clientMac, limit, nowMs) {
      if (limit <= 0) return;
      const result = await store.take(`${bucket}:${clientMac}`, spec(limit), nowMs);
      if (!result.allowed) {
        const retryAfter = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
        throw new ApiError('RATE_LIMITED', {
          message: bucket === 'lookup' ? '查询次数过多，请稍后再试。' : '提交过于频繁，请稍后再试。',
          headers: { 'Retry-After': String(retryAfter) },
        });
      }
    },
  };
}

/**
 * The court-wide notification targets (env) and the SSRF policy; see README "Tip notifications".
 * A unit's own targets (table `unit_notify_targets`, set by court admins) take precedence per
 * channel; these are the fallback.
 */
export interface NotifyTargets {
  webhookUrl?: string | undefined;
  /** `whsec_…` secrets; the first signs, all are sent (rotation) */
  webhookSecrets: string[];
  wecomUrl?: string | undefined;
  /** allow private and loopback targets (tests, an intranet receiver) */
  allowPrivate: boolean;
  /** name resolution of targets; tests inject one (DNS rebinding checks) */
  resolve?: Resolver | undefined;
}

/** Everything the tip and reward features share, built once per runtime. Tests may swap parts. */
export interface TipsServices {
  keyring: TipKeyring;
  files: TipFileStore;
  moderation: ModerationPort;
  limiter: HourlyLimiter;
  /** sha256 of Idempotency-Keys whose first request is still being handled in this process */
  inFlight: Set<string>;
  tipsPerHour: number;
  lookupsPerHour: number;
  notify: NotifyTargets;
  /** wakes the notification worker after a commit that queued deliveries */
  wake(): void;
  /** group commit of tip intake (default on; env `TIP_GROUP_COMMIT=0` turns it off) */
  groupCommit?: boolean;
  /** the intake queue, made on the first tip for the runtime's database */
  intake?: { db: Database; queue: GroupCommitQueue<PreparedTip, TipOutcome> };
}

export function createTipsServices(env: Env, limits: RateLimitStore): TipsServices {
  const master = serverSecret(env, 'contact');
  const previous = (env.CONTACT_ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const pepper = serverSecret(env, 'receiptPepper');
  const limitsOff = env.RATE_LIMIT_PER_MIN === 0;
  return {
    keyring: createTipKeyring([master, ...previous], pepper),
    files: createDiskTipFileStore(env.DATA_DIR),
    moderation: createModerationPort(),
    limiter: createHourlyLimiter(limits),
    inFlight: new Set(),
    tipsPerHour: limitsOff ? 0 : env.TIP_LIMIT_PER_HOUR,
    lookupsPerHour: limitsOff ? 0 : env.TIP_LOOKUP_LIMIT_PER_HOUR,
    notify: {
      webhookUrl: env.TIP_WEBHOOK_URL,
      webhookSecrets: (env.TIP_WEBHOOK_SECRET ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      wecomUrl: env.TIP_WECOM_ROBOT_URL,
      allowPrivate: env.TIP_NOTIFY_ALLOW_PRIVATE === '1',
    },
    wake() {},
    groupCommit: env.TIP_GROUP_COMMIT !== '0',
  };
}

/**
 * The client a limit applies to, as a keyed hash of its network (`clientNetworkOf`): the address
 * itself is never stored or logged.
 */
export function clientMac(c: Context, keyring: TipKeyring): string {
  return keyring.mac('client-address', clientNetworkOf(c));
}
