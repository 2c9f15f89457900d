import type { Database } from '@portal/db';
import { listings } from '@portal/db/schema';
import { todayInChina } from '@portal/domain';
import { and, eq, isNotNull, lt, or, type SQL } from 'drizzle-orm';
import type { StaffPrincipal } from '../staff/staff-auth.ts';
import { removalClockOf } from './staff-view.ts';

const OVERDUE_IDS_SHOWN = 100;

/**
 * Counts removals against their three-working-day deadline (art. 10): removed late, still
 * published past the deadline (expired terms the job has not removed), removed in time, and how
 * many of those deadlines are estimates (估算). A unit member sees its own unit's listings only.
 */
export async function removalDeadlineStats(db: Database, principal: StaffPrincipal, now: Date) {
  const today = todayInChina(now);
  const conditions: SQL[] = [
    or(
      and(eq(listings.status, 'removed'), isNotNull(listings.removalEventDate)),
      and(eq(listings.status, 'published'), lt(listings.termEndsAt, today)),
    )!,
  ];
  if (principal.role === 'unit_member') {
    conditions.push(principal.unitId ? eq(listings.unitId, principal.unitId) : eq(listings.id, ''));
  }
  const rows = await db
    .select()
    .from(listings)
    .where(and(...conditions));
  const stats = { overdue: 0, late: 0, notRemoved: 0, met: 0, estimated: 0 };
  const overdue: { id: string; deadline: string }[] = [];
  for (const row of rows) {
    const clock = removalClockOf(row, today);
    if (!clock || clock.state === 'pending') continue;
    if (clock.estimate) stats.estimated++;
    if (clock.state === 'met') stats.met++;
    if (clock.state === 'late') stats.late++;
    if (clock.state === 'overdue') stats.notRemoved++;
    if (clock.overdue) overdue.push({ id: row.id, deadline: clock.deadline });
  }
  stats.overdue = stats.late + stats.notRemoved;
  overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  return { ...stats, overdueIds: overdue.slice(0, OVERDUE_IDS_SHOWN).map((o) => o.id) };
}
