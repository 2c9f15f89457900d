import type { TipAssetType, TipKind, TipStatus } from '@portal/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { listings } from './listings.ts';
import { rewardNotices } from './reward-notices.ts';

/**
 * 举报线索 from the public. The tipster's name and phone exist only in `contact_sealed`
 * (AES-256-GCM, AAD bound to this table, column and row); the receipt only as a keyed hash.
 * The unit that sees a tip is the unit of its listing (joined at read time, so a case moved to
 * another unit takes its tips along).
 */
export const tips = pgTable(
  'tips',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    rewardNoticeId: text('reward_notice_id').references(() => rewardNotices.id),
    /** art. 23: registration number per notice, 1, 2, 3… in commit order */
    registrationNo: integer('registration_no'),
    registeredAt: timestamptz('registered_at'),
    kind: text('kind').$type<TipKind>().notNull(),
    assetType: text('asset_type').$type<TipAssetType>(),
    consumptionItem: smallint('consumption_item'),
    description: text('description').notNull(),
    seenAt: timestamptz('seen_at'),
    place: text('place'),
    locationLat: doublePrecision('location_lat'),
    locationLng: doublePrecision('location_lng'),
    /** sealed JSON `{name, phone}`; null for an anonymous tip */
    contactSealed: text('contact_sealed'),
    hasContact: boolean('has_contact').notNull().default(false),
    /** HMAC-SHA256 (server pepper) of the normalised receipt */
    receiptHash: text('receipt_hash').notNull(),
    status: text('status').$type<TipStatus>().notNull().default('received'),
    openedAt: timestamptz('opened_at'),
    photoCount: smallint('photo_count').notNull().default(0),
    ...createdUpdated(),
  },
  (t) => [
    uniqueIndex('tips_receipt_uq').on(t.receiptHash),
    index('tips_listing_idx').on(t.listingId, t.createdAt),
    index('tips_status_idx').on(t.status, t.createdAt),
    uniqueIndex('tips_registration_uq').on(t.rewardNoticeId, t.registrationNo),
    check('tips_kind_ck', sql`${t.kind} in ('asset', 'whereabouts', 'consumption', 'other')`),
    check(
      'tips_status_ck',
      sql`${t.status} in ('received', 'in_review', 'verified', 'not_useful', 'closed')`,
    ),
  ],
);
export type TipRow = typeof tips.$inferSelect;

/** Status changes and messages to the tipster, in order. `messageToTipster` is shown on look-up. */
export const tipEvents = pgTable(
  'tip_events',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    at: timestamptz('at').notNull().defaultNow(),
    staffId: text('staff_id').notNull(),
    status: text('status').$type<TipStatus>().notNull(),
    note: text('note'),
    messageToTipster: text('message_to_tipster'),
  },
  (t) => [index('tip_events_tip_idx').on(t.tipId, t.at)],
);
export type TipEventRow = typeof tipEvents.$inferSelect;

/** Photos, re-encoded without metadata, stored under DATA_DIR; `path` is relative to the uploads folder. */
export const tipAttachments = pgTable(
  'tip_attachments',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    path: text('path').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    /** set when WeChat's media check found the photo `risky` (migration 0013): no longer served */
    quarantinedAt: timestamptz('quarantined_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('tip_attachments_tip_idx').on(t.tipId)],
);
export type TipAttachmentRow = typeof tipAttachments.$inferSelect;

/**
 * Idempotency-Key claims (IETF draft, Stripe): indexed by sha256 of the key, the request
 * fingerprint, and the stored response sealed under a key derived from the client's key.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  keyHash: text('key_hash').primaryKey(),
  scope: text('scope').notNull(),
  fingerprint: text('fingerprint').notNull(),
  responseSealed: text('response_sealed').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

export type RevealStatus = 'pending' | 'approved' | 'rejected' | 'revealed';

/** A unit's request to see a tipster's identity; a custodian decides; every step is audited. */
export const tipRevealRequests = pgTable(
  'tip_reveal_requests',
  {
    id: text('id').primaryKey(),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    unitId: text('unit_id'),
    requestedBy: text('requested_by').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<RevealStatus>().notNull().default('pending'),
    requestedAt: timestamptz('requested_at').notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    revealedAt: timestamptz('revealed_at'),
  },
  (t) => [
    index('tip_reveal_requests_tip_idx').on(t.tipId),
    check(
      'tip_reveal_requests_status_ck',
      sql`${t.status} in ('pending', 'approved', 'rejected', 'revealed')`,
    ),
  ],
);
export type TipRevealRequestRow = typeof tipRevealRequests.$inferSelect;
