import { type Database, newId } from '@portal/db';
import { type NotificationChannel, tipNotifications, unitNotifyTargets } from '@portal/db/schema';
import { sql } from 'drizzle-orm';
import type { NotifyTargets } from '../tips-services.ts';

const CHANNELS: readonly NotificationChannel[] = ['webhook', 'wecom'];

/**
 * Writes the notifications of a new tip inside the tip's transaction (outbox): one per channel the
 * tip's unit is reached on (its own targets, else the court-wide ones). Thin payload: ids only,
 * never content, contact or receipt. One statement: which channels a unit has of its own is
 * decided by the insert itself, not by a query before it (every statement in the tip's
 * transaction is paid by every tip).
 */
export async function queueNewTipNotifications(
  tx: Database,
  targets: NotifyTargets,
  tip: { tipId: string; unitId: string | null },
): Promise<void> {
  const courtWide = CHANNELS.filter((c) => (c === 'webhook' ? targets.webhookUrl : targets.wecomUrl));
  const payload = { tipId: tip.tipId, unitId: tip.unitId };
  const row = (channel: NotificationChannel) => ({
    id: `msg_${newId()}`,
    channel,
    unitId: tip.unitId,
    event: 'tip.received',
    payload,
  });
  if (tip.unitId === null || courtWide.length === CHANNELS.length) {
    if (courtWide.length > 0) await tx.insert(tipNotifications).values(courtWide.map(row));
    return;
  }
  const candidates = sql.join(
    CHANNELS.map((channel) => sql`(${`msg_${newId()}`}, ${channel})`),
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
      sql`exists (select 1 from ${unitNotifyTargets} u where u.unit_id = ${tip.unitId} and u.channel = c.channel)`,
    ],
    sql` or `,
  );
  await tx.execute(sql`
    insert into ${tipNotifications} (id, channel, unit_id, event, payload)
    select c.id, c.channel, ${tip.unitId}, 'tip.received', ${JSON.stringify(payload)}::jsonb
    from (values ${candidates}) as c(id, channel)
    where ${reached}`);
}
