import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';

export type NotificationChannel = 'webhook' | 'wecom';

/**
 * Outbox of tip notifications: written in the transaction that stores the tip, delivered at
 * least once by a worker (claim with a lease, deliver with no transaction open, mark). `id` is the
 * Standard Webhooks `webhook-id`, stable across retries. A row past its last attempt is a dead
 * letter (`dead_at`), kept and listed to staff.
 */
export const tipNotifications = pgTable(
  'tip_notifications',
  {
    id: text('id').primaryKey(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    unitId: text('unit_id'),
    event: text('event').notNull(),
    /** thin payload: ids and counts, never tip content or identities */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lockedUntil: timestamptz('locked_until'),
    deliveredAt: timestamptz('delivered_at'),
    deadAt: timestamptz('dead_at'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** set on rows that must exist at most once (the daily reminder: unit, day, channel) */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    index('tip_notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.deadAt} is null`),
    uniqueIndex('tip_notifications_dedupe_uq').on(t.dedupeKey),
  ],
);
export type TipNotificationRow = typeof tipNotifications.$inferSelect;
