import { type Database, newId } from '@portal/db';
import { tipNotifications } from '@portal/db/schema';
import type { NotifyTargets } from '../tips-services.ts';
import { channelsFor } from './target-resolution.ts';

/**
 * Writes the notifications of a new tip inside the tip's transaction (outbox): one per channel the
 * tip's unit is reached on (its own targets, else the court-wide ones). Thin payload: ids only,
 * never content, contact or receipt.
 */
export async function queueNewTipNotifications(
  tx: Database,
  targets: NotifyTargets,
  tip: { tipId: string; unitId: string | null },
): Promise<void> {
  const rows = (await channelsFor(tx, targets, tip.unitId)).map((channel) => ({
    id: `msg_${newId()}`,
    channel,
    unitId: tip.unitId,
    event: 'tip.received',
    payload: { tipId: tip.tipId, unitId: tip.unitId },
  }));
  if (rows.length > 0) await tx.insert(tipNotifications).values(rows);
}
