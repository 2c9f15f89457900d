import type { RewardVenue } from '@portal/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
} from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { listings } from './listings.ts';

export type RewardNoticeStatus = 'draft' | 'published' | 'ended';

/**
 * 悬赏: the creditor's written application (art. 21) and, once published, the notice (art. 22).
 * `tip_seq` hands out registration numbers (art. 23) with `UPDATE … SET tip_seq = tip_seq + 1
 * RETURNING` inside the tip's transaction: gapless and in commit order, unlike a sequence.
 */
export const rewardNotices = pgTable(
  'reward_notices',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    status: text('status').$type<RewardNoticeStatus>().notNull().default('draft'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    ratePercent: numeric('rate_percent', { mode: 'number' }),
    conditions: jsonb('conditions').$type<string[]>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    applicantName: text('applicant_name'),
    applicantKind: text('applicant_kind').$type<'person' | 'org'>().notNull().default('person'),
    applicationReceivedOn: date('application_received_on', { mode: 'string' }).notNull(),
    decisionDeadline: date('decision_deadline', { mode: 'string' }).notNull(),
    promiseToPay: boolean('promise_to_pay').notNull(),
    venues: jsonb('venues').$type<RewardVenue[]>().notNull(),
    courtPhone: text('court_phone'),
    tipSeq: integer('tip_seq').notNull().default(0),
    publishedAt: timestamptz('published_at'),
    createdBy: text('created_by').notNull(),
    ...createdUpdated(),
  },
  (t) => [
    index('reward_notices_listing_idx').on(t.listingId),
    index('reward_notices_status_idx').on(t.status, t.endsOn),
    check('reward_notices_status_ck', sql`${t.status} in ('draft', 'published', 'ended')`),
    check('reward_notices_terms_ck', sql`(${t.amountFen} is null) <> (${t.ratePercent} is null)`),
  ],
);
export type RewardNoticeRow = typeof rewardNotices.$inferSelect;
