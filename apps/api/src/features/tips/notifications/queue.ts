import { type Database, newId } from '@portal/db';
import { type NotificationChannel, tipNotifications, unitNotifyTargets } from '@portal/db/schema';
import { sql } from 'drizzle-orm';
import type { NotifyTargets } from '../tips-services.ts';

const CHANNELS: readonly NotificationChannel[] = ['webhook', 'wecom'];

/**
 * Writes the notifications of new tips inside the tips' transaction (outbox): one per tip and
 * channel its unit is reached on (the unit's own targets, else the court-wide ones). Thin
 * payload: ids only, never content, contact or receipt. One statement for a whole batch of tips
 * (group commit): which channels a unit has of its own is decided by the insert itself, not by a
 * query before it.
 */
export async function queueNewTipNotifications(
  tx: Database,
  targets: NotifyTargets,
  newTips: readonly { tipId: string; unitId: string | null }[],
): Promise<void> {
  if (newTips.length === 0) return;
  const courtWide = CHANNELS.filter((c) => (c === 'webhook' ? targets.webhookUrl : targets.wecomUrl));
  const payloadOf = (tip: { tipId: string; unitId: string | null }) => ({
    tipId: tip.tipId,
    unitId: tip.unitId,
  });
  // tips whose channels are all known without asking the database: no unit, or every channel court-wide
  const plain = newTips.filter((t) => t.unitId === null || courtWide.length === CHANNELS.length);
  const perUnit = newTips.filter((t) => !plain.includes(t));
  const plainRows = plain.flatMap((tip) =>
    courtWide.map((channel) => ({
      id: `msg_${newId()}`,
      channel,
      unitId: tip.unitId,
      event: 'tip.received',
      payload: payloadOf(tip),
    })),
  );
  if (plainRows.length > 0) await tx.insert(tipNotifications).values(plainRows);
  if (perUnit.length === 0) return;
  const candidates = sql.join(
    perUnit.flatMap((tip) =>
      CHANNELS.map(
        (channel) => sql`(${`msg_${newId()}`}, ${channel}, ${tip.unitId}, ${JSON.stringify(payloadOf(tip))})`,
      ),
    ),
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
  await tx.execute(sql`
    insert into ${tipNotifications} (id, channel, unit_id, event, payload)
    select c.id, c.channel, c.unit_id, 'tip.received', c.payload::jsonb
    from (values ${candidates}) as c(id, channel, unit_id, payload)
    where ${reached}`);
}
