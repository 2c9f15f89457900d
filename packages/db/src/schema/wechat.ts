import type { TipStatus } from '@portal/domain';
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { tipAttachments, tips } from './tips.ts';

/**
 * A tip photo uploaded on its own (WeChat's `uploadFile` sends one file per call), cleaned and
 * stored, waiting for the tip that names it. Only the sha256 of the upload id is kept, so the id
 * itself is a bearer secret of the uploader. Consumed (deleted) by the tip's transaction; expired
 * rows and their files are purged.
 */
export const tipPhotoUploads = pgTable(
  'tip_photo_uploads',
  {
    idHash: text('id_hash').primaryKey(),
    /** file name in the tip file store; becomes `tip_attachments.path` */
    path: text('path').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('tip_photo_uploads_expires_idx').on(t.expiresAt)],
);
export type TipPhotoUploadRow = typeof tipPhotoUploads.$inferSelect;

/**
 * The mini-program's own session after `code2Session`: an opaque token (stored as its sha256)
 * standing for a sealed openid. WeChat's `session_key` is never stored or sent anywhere.
 */
export const wechatSessions = pgTable(
  'wechat_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    openidSealed: text('openid_sealed').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('wechat_sessions_expires_idx').on(t.expiresAt)],
);

/** The WeChat user who sent a tip from the mini-program (sealed openid) and whether they subscribed. */
export const tipWechatLinks = pgTable('tip_wechat_links', {
  tipId: text('tip_id')
    .primaryKey()
    .references(() => tips.id),
  openidSealed: text('openid_sealed').notNull(),
  subscribedAt: timestamptz('subscribed_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
export type TipWechatLinkRow = typeof tipWechatLinks.$inferSelect;

/**
 * Outbox of subscription messages ("your tip's status changed"), written in the transaction of
 * the status change, sent at least once by a worker; a row past its last attempt is dead.
 */
export const wechatMessages = pgTable(
  'wechat_messages',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    status: text('status').$type<TipStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lockedUntil: timestamptz('locked_until'),
    deliveredAt: timestamptz('delivered_at'),
    deadAt: timestamptz('dead_at'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('wechat_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.deadAt} is null`),
  ],
);
export type WechatMessageRow = typeof wechatMessages.$inferSelect;

/**
 * Outbox of photo checks by WeChat's `mediaCheckAsync` v2 (migration 0013), one row per photo of
 * a mini-program tip, written in the tip's transaction so a restart does not lose it. Submitting
 * mints a media token (only its sha256 is kept) under which WeChat may fetch that one photo until
 * `token_expires_at`; WeChat's answer gives `trace_id`, which its verdict push names later.
 */
export const wechatMediaChecks = pgTable(
  'wechat_media_checks',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => tipAttachments.id),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lockedUntil: timestamptz('locked_until'),
    submittedAt: timestamptz('submitted_at'),
    deadAt: timestamptz('dead_at'),
    lastError: text('last_error'),
    tokenHash: text('token_hash'),
    tokenExpiresAt: timestamptz('token_expires_at'),
    traceId: text('trace_id'),
    verdict: text('verdict').$type<'pass' | 'review' | 'risky'>(),
    verdictAt: timestamptz('verdict_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('wechat_media_checks_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.submittedAt} is null and ${t.deadAt} is null`),
    uniqueIndex('wechat_media_checks_token_idx').on(t.tokenHash),
    uniqueIndex('wechat_media_checks_trace_idx').on(t.traceId),
  ],
);
export type WechatMediaCheckRow = typeof wechatMediaChecks.$inferSelect;
