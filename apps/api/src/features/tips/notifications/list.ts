import type { Database } from '@portal/db';
import { notifyDisabledTargets, tipNotifications } from '@portal/db/schema';
import { and, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { ApiError } from '../../../errors.ts';
import type { StaffPrincipal } from '../../staff/principal.ts';

/**
 * Deliveries as staff see them: dead letters stay listed until someone acts on them, and targets
 * disabled by a 410 Gone are listed until a court admin saves them again.
 */
export async function listNotifications(
  db: Database,
  principal: StaffPrincipal,
  state?: 'pending' | 'delivered' | 'dead',
) {
  if (principal.role === 'custodian') throw new ApiError('FORBIDDEN');
  const byState: Record<string, SQL | undefined> = {
    pending: and(isNull(tipNotifications.deliveredAt), isNull(tipNotifications.deadAt)),
    delivered: isNotNull(tipNotifications.deliveredAt),
    dead: isNotNull(tipNotifications.deadAt),
  };
  const scope =
    principal.role === 'unit_member' ? eq(tipNotifications.unitId, principal.unitId ?? '') : undefined;
  const rows = await db
    .select()
    .from(tipNotifications)
    .where(and(scope, state ? byState[state] : undefined))
    .orderBy(desc(tipNotifications.createdAt))
    .limit(200);
  const disabled = await db
    .select()
    .from(notifyDisabledTargets)
    .where(
      principal.role === 'unit_member' ? eq(notifyDisabledTargets.unitId, principal.unitId ?? '') : undefined,
    )
    .orderBy(desc(notifyDisabledTargets.disabledAt));
  return {
    disabledTargets: disabled.map((d) => ({
      channel: d.channel,
      unitId: d.unitId,
      reason: d.reason,
      disabledAt: d.disabledAt.toISOString(),
    })),
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      unitId: r.unitId,
      event: r.event,
      state: r.deliveredAt ? ('delivered' as const) : r.deadAt ? ('dead' as const) : ('pending' as const),
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    })),
    total: rows.length,
  };
}
