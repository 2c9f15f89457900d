import { newId } from '@portal/db';
import { type NotificationChannel, tipNotifications, unitNotifyTargets } from '@portal/db/schema';
import { type SQL, sql } from 'drizzle-orm';
import type { NotifyTargets } from '../tips-services.ts';

const CHANNELS: readonly NotificationChannel[] = ['webhook', 'wecom'];

/**
 * The INSERT of the notifications of new tips, run inside the tips' transaction (outbox; the
 * batch writer makes it part of its one insert statement): one row per unit and channel the unit
 * is reached on (the unit's own targets, else the court-wide ones) for all the tips of a batch
 * (group commit) that reached that unit, so a burst of tips makes one message per unit and not
 * one per tip (a message says "there is something to open", with the count of unopened tips; its
 * `tipIds` name the tips it announces, `tipId` the first of them). Thin payload: ids only, never
 * content, contact or receipt. Which channels a unit has of its own is decided by the insert
 * itself, not by a query before it. Null when no tip is new.
 */
export function newTipNotificationsInsert(
  targets: NotifyTargets,
  newTips: readonly { tipId: string; unitId: string | null }[],
): SQL | null {
  if (newTips.length === 0) return null;
  const courtWide = CHANNELS.filter((c) => (c === 'webhook' ? targets.webhookUrl : targets.wecomUrl));
  const tipsOfUnit = new Map<string | null, string[]>();
  for (const t of newTips) tipsOfUnit.set(t.unitId, [...(tipsOfUnit.get(t.unitId) ?? []), t.tipId]);
  // a tip of no unit is reached only court-wide: no candidate for a channel that has no target
  const units = [...tipsOfUnit].filter(([unitId]) => unitId !== null || courtWide.length > 0);
  if (units.length === 0) return null;
  const candidates = sql.join(
    units.flatMap(([unitId, tipIds]) => {
      const payload = JSON.stringify({ tipId: tipIds[0], unitId, tipIds });
      return CHANNELS.map((channel) => sql`(${`msg_${newId()}`}, ${channel}, ${unitId}, ${payload})`);
    }),
    sql`, `,
  );
  const reached = sql.join(
    [
      ...(courtWide.length > 0
        ? [
            sql`c.channel in (${sql.join(
              courtWide.map((ch) => sql`${ch}`),
              sql`, `,
            )})`,
          ]
        : []),
      sql`exists (select 1 from ${unitNotifyTargets} u where u.unit_id = c.unit_id and u.channel = c.channel)`,
    ],
    sql` or `,
  );
  return sql`
    insert into ${tipNotifications} (id, channel, unit_id, event, payload)
    select c.id, c.channel, c.unit_id, 'tip.received', c.payload::jsonb
    from (values ${candidates}) as c(id, channel, unit_id, payload)
    where ${reached}`;
}
