import { type Database, newId } from '@portal/db';
import { type NotificationChannel, tipNotifications, unitNotifyTargets } from '@portal/db/schema';
import { sql } from 'drizzle-orm';
import type { NotifyTargets } from '../tips-services.ts';

const CHANNELS: readonly NotificationChannel[] = ['webhook', 'wecom'];

/**
 * Writes the notifications of new tips inside the tips' transaction (outbox): one per unit and
 * channel the unit is reached on (the unit's own targets, else the court-wide ones) for all the
 * tips of a batch (group commit) that reached that unit, so a burst of tips makes one message per
 * unit and not one per tip (a message says "there is something to open", with the count of
 * unopened tips; its `tipIds` name the tips it announces, `tipId` the first of them). Thin payload:
 * ids only, never content, contact or receipt. One statement for a whole batch: which channels a
 * unit has of its own is decided by the insert itself, not by a query before it.
 */
export async function queueNewTipNotifications(
  tx: Database,
  targets: NotifyTargets,
  newTips: readonly { tipId: string; unitId: string | null }[],
): Promise<void> {
  if (newTips.length === 0) return;
  const courtWide = CHANNELS.filter((c) => (c === 'webhook' ? targets.webhookUrl : targets.wecomUrl));
  const tipsOfUnit = new Map<string | null, string[]>();
  for (const t of newTips) tipsOfUnit.set(t.unitId, [...(tipsOfUnit.get(t.unitId) ?? []), t.tipId]);
  const units = [...tipsOfUnit].map(([unitId, tipIds]) => ({
    unitId,
    payload: { tipId: tipIds[0], unitId, tipIds },
  }));
  // units whose channels are all known without asking the database: no unit, or every channel court-wide
  const plain = units.filter((u) => u.unitId === null || courtWide.length === CHANNELS.length);
  const perUnit = units.filter((u) => !plain.includes(u));
  const plainRows = plain.flatMap((u) =>
    courtWide.map((channel) => ({
      id: `msg_${newId()}`,
      channel,
      unitId: u.unitId,
      event: 'tip.received',
      payload: u.payload,
    })),
  );
  if (plainRows.length > 0) await tx.insert(tipNotifications).values(plainRows);
  if (perUnit.length === 0) return;
  const candidates = sql.join(
    perUnit.flatMap((u) =>
      CHANNELS.map(
        (channel) => sql`(${`msg_${newId()}`}, ${channel}, ${u.unitId}, ${JSON.stringify(u.payload)})`,
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
