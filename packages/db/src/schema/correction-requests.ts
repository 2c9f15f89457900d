import type { CorrectionGrounds } from '@portal/domain';
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { listings } from './listings.ts';

export type CorrectionStatus = 'received' | 'accepted' | 'rejected';

/**
 * 纠正申请 (法释〔2017〕7号 arts. 11–12). The requester's identity and contact are personal data:
 * they are stored only encrypted (`contact_sealed`, AES-256-GCM, key outside the database) and
 * decrypted for staff with an audit entry per access.
 */
export const correctionRequests = pgTable(
  'correction_requests',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    grounds: text('grounds').$type<CorrectionGrounds>().notNull(),
    explanation: text('explanation').notNull(),
    contactSealed: text('contact_sealed').notNull(),
    receiptCode: text('receipt_code').notNull(),
    /** sha256 of the client's Idempotency-Key, so a retried submission is stored once */
    idempotencyKeyHash: text('idempotency_key_hash'),
    status: text('status').$type<CorrectionStatus>().notNull().default('received'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    reviewDeadline: date('review_deadline', { mode: 'string' }).notNull(),
    decidedAt: timestamptz('decided_at'),
    fixDeadline: date('fix_deadline', { mode: 'string' }),
    /** the day an accepted correction was carried out (art. 12: within 3 working days) */
    fixedOn: date('fixed_on', { mode: 'string' }),
    ...createdUpdated(),
  },
  (t) => [
    index('correction_requests_listing_idx').on(t.listingId),
    index('correction_requests_status_idx').on(t.status, t.reviewDeadline),
    uniqueIndex('correction_requests_receipt_uq').on(t.receiptCode),
    uniqueIndex('correction_requests_idem_uq').on(t.idempotencyKeyHash),
    check(
      'correction_requests_grounds_ck',
      sql`${t.grounds} in ('should_not_be_listed', 'inaccurate', 'should_be_deleted')`,
    ),
    check('correction_requests_status_ck', sql`${t.status} in ('received', 'accepted', 'rejected')`),
  ],
);

export type CorrectionRequestRow = typeof correctionRequests.$inferSelect;
