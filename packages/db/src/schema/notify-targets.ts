import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { executionUnits } from './execution-units.ts';
import type { NotificationChannel } from './notifications.ts';

/**
 * Where one 执行单元's tip notifications go, per channel (signed webhook or 企业微信 robot), set by
 * a court admin. The URL (a robot URL carries its key) and the webhook secrets are sealed under
 * the tip keyring (AAD bound to unit and channel); `url_hash` is a keyed hash of the URL, the key
 * of `notify_disabled_targets`. A unit without a row uses the court-wide target (env).
 */
export const unitNotifyTargets = pgTable(
  'unit_notify_targets',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => executionUnits.id),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    urlSealed: text('url_sealed').notNull(),
    urlHash: text('url_hash').notNull(),
    /** sealed JSON array of `whsec_` secrets (webhook only) */
    secretsSealed: text('secrets_sealed'),
    /** scheme and host only, what staff see of the URL */
    urlHint: text('url_hint').notNull(),
    updatedBy: text('updated_by').notNull(),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.channel] }),
    check('unit_notify_targets_channel_ck', sql`${t.channel} in ('webhook', 'wecom')`),
  ],
);
export type UnitNotifyTargetRow = typeof unitNotifyTargets.$inferSelect;

/**
 * Targets that answered 410 Gone (Standard Webhooks: the receiver asks us to stop), by keyed hash
 * of the URL, so every process stops sending to them after a restart too. Staff saving the
 * unit's target again removes the row (re-enables it); a new court-wide URL has another hash.
 */
export const notifyDisabledTargets = pgTable('notify_disabled_targets', {
  urlHash: text('url_hash').primaryKey(),
  channel: text('channel').$type<NotificationChannel>().notNull(),
  /** the unit whose target this is; null for the court-wide target */
  unitId: text('unit_id'),
  reason: text('reason').notNull(),
  disabledAt: timestamptz('disabled_at').notNull().defaultNow(),
});
export type NotifyDisabledTargetRow = typeof notifyDisabledTargets.$inferSelect;
