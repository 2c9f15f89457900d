import { correctionRequests, courts, listings, tips } from '@portal/db/schema';
import { addWorkingDays, correctionFixDeadline, todayInChina } from '@portal/domain';
import type { CommandCentreUnit } from '@portal/graphics';
import { and, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { removalClockOf } from '../listings/staff-view.ts';
import { type CampaignScope, unitsOf } from './campaign-data.ts';

const OPEN_TIP_STATUSES = ['received', 'in_review'] as const;

/**
 * Each unit's open work as the 指挥中心 wall shows it: open tips (and those not opened within one
 * working day), listings past their removal deadline, correction requests awaiting a decision or
 * a fix, and the nearest deadline. Units with overdue work come first.
 */
export async function commandCentreUnits(
  deps: Pick<AppDeps, 'db'>,
  scope: CampaignScope,
  now: Date,
): Promise<CommandCentreUnit[]> {
  const { db } = deps;
  const today = todayInChina(now);
  const unitFilter = (column = listings.unitId): SQL | undefined =>
    scope.unitId === null ? undefined : eq(column, scope.unitId);
  const [units, openTips, expired, corrections] = await Promise.all([
    unitsOf(db, scope),
    db
      .select({ unitId: listings.unitId, createdAt: tips.createdAt, openedAt: tips.openedAt })
      .from(tips)
      .innerJoin(listings, eq(listings.id, tips.listingId))
      .where(and(inArray(tips.status, [...OPEN_TIP_STATUSES]), unitFilter())),
    db
      .select()
      .from(listings)
      .where(and(eq(listings.status, 'published'), lt(listings.termEndsAt, today), unitFilter())),
    db
      .select({
        unitId: listings.unitId,
        status: correctionRequests.status,
        reviewDeadline: correctionRequests.reviewDeadline,
        fixDeadline: correctionRequests.fixDeadline,
        decidedAt: correctionRequests.decidedAt,
      })
      .from(correctionRequests)
      .innerJoin(listings, eq(listings.id, correctionRequests.listingId))
      .where(
        and(
          or(
            eq(correctionRequests.status, 'received'),
            and(eq(correctionRequests.status, 'accepted'), isNull(correctionRequests.fixedOn)),
          ),
          unitFilter(),
        ),
      ),
  ]);
  const rows = new Map<string | null, CommandCentreUnit>(units.map((u) => [u.id, emptyRow(u.name)]));
  // cases without a unit have nobody to work them: the court admin's wall shows them on their own row
  const unitRow = (unitId: string | null) => {
    if (unitId === null && scope.unitId === null && !rows.has(null)) rows.set(null, emptyRow(UNASSIGNED));
    return rows.get(unitId);
  };
  const note = (unitId: string | null, deadline: string) => {
    const r = rows.get(unitId);
    if (r && (r.nextDeadline === null || deadline < r.nextDeadline)) r.nextDeadline = deadline;
    return r;
  };
  for (const t of openTips) {
    const r = unitRow(t.unitId);
    if (!r) continue;
    r.openTips++;
    if (t.openedAt) continue;
    r.unopenedTips++;
    const deadline = addWorkingDays(todayInChina(t.createdAt), 1);
    if (today > deadline) r.lateUnopenedTips++;
    else note(t.unitId, deadline);
  }
  for (const l of expired) {
    const clock = removalClockOf(l, today);
    const r = unitRow(l.unitId);
    if (!clock || !r) continue;
    if (clock.overdue) r.overdueRemovals++;
    else note(l.unitId, clock.deadline);
  }
  for (const c of corrections) {
    const r = unitRow(c.unitId);
    if (!r) continue;
    const deadline =
      c.status === 'received'
        ? c.reviewDeadline
        : (c.fixDeadline ?? correctionFixDeadline(todayInChina(c.decidedAt ?? now)));
    r.openCorrections++;
    if (today > deadline) r.overdueCorrections++;
    else note(c.unitId, deadline);
  }
  const urgency = (u: CommandCentreUnit) => u.lateUnopenedTips + u.overdueRemovals + u.overdueCorrections;
  return [...rows.values()].sort(
    (a, b) => urgency(b) - urgency(a) || b.openTips - a.openTips || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

const UNASSIGNED = '未分配执行单元';

function emptyRow(name: string): CommandCentreUnit {
  return {
    name,
    openTips: 0,
    unopenedTips: 0,
    lateUnopenedTips: 0,
    overdueRemovals: 0,
    openCorrections: 0,
    overdueCorrections: 0,
    nextDeadline: null,
  };
}

/** The rendered slide, for the court (or the one unit) of the caller. */
export async function commandCentrePng(deps: AppDeps, scope: CampaignScope): Promise<Buffer> {
  const now = deps.now();
  const [court] = await deps.db
    .select({ name: courts.name })
    .from(courts)
    .where(eq(courts.id, scope.courtId));
  const units = await commandCentreUnits(deps, scope, now);
  return deps.screens.renderer.render('commandCentre', {
    courtName: court?.name ?? '人民法院执行局',
    units,
    date: now,
  });
}
