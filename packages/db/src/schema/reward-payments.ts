import { bigint, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { rewardNotices } from './reward-notices.ts';
import { tips } from './tips.ts';

/**
 * 悬赏金 paid on a registered claim (法释〔2017〕8号 art. 24): to the informant of that claim only,
 * at most once per claim. Who received it is the claim's sealed contact; no identity is copied here.
 */
export const rewardPayments = pgTable(
  'reward_payments',
  {
    id: text('id').primaryKey(),
    rewardNoticeId: text('reward_notice_id')
      .notNull()
      .references(() => rewardNotices.id),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    registrationNo: integer('registration_no').notNull(),
    recoveredFen: bigint('recovered_fen', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    note: text('note'),
    paidBy: text('paid_by').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reward_payments_tip_uq').on(t.tipId),
    index('reward_payments_notice_idx').on(t.rewardNoticeId),
  ],
);
export type RewardPaymentRow = typeof rewardPayments.$inferSelect;
