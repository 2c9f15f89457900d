import type { CampaignReport, CampaignUnitRow } from '@portal/contract';
import type { Database } from '@portal/db';
import {
  addWorkingDays,
  correctionFixClock,
  isSpanAuthoritative,
  REMOVAL_REASONS,
  type RemovalReason,
  TIP_KIND_LABELS,
  TIP_KINDS,
  todayInChina,
} from '@portal/domain';
import { removalClockOf } from '../listings/staff-view.ts';
import {
  type CampaignScope,
  correctionRows,
  publishedGroups,
  removalClockRows,
  removedGroups,
  rewardRows,
  type Span,
  tipRows,
  touchesDemo,
  unitsOf,
} from './campaign-data.ts';
import { addTallies, countInto, emptyTally, stateOf, type Tally, withRate } from './deadline-tally.ts';

/** Removal reasons that mean the obligation was met: the case reached 执行到位. */
export const PERFORMANCE_REASONS: readonly RemovalReason[] = ['performed', 'settled', 'active_performance'];
const UNASSIGNED = '未分配执行单元';

interface UnitAcc {
  unitId: string | null;
  name: string;
  published: number;
  publishedAmountFen: number;
  livelihoodPublished: number;
  removed: number;
  removedAmountFen: number;
  performed: number;
  performedAmountFen: number;
  tipsReceived: number;
  tipsVerified: number;
  tipsRecovery: number;
  rewardClaims: number;
  removals: Tally;
  corrections: Tally;
  tipsOpened: Tally;
}

const newUnit = (unitId: string | null, name: string): UnitAcc => ({
  unitId,
  name,
  published: 0,
  publishedAmountFen: 0,
  livelihoodPublished: 0,
  removed: 0,
  removedAmountFen: 0,
  performed: 0,
  performedAmountFen: 0,
  tipsReceived: 0,
  tipsVerified: 0,
  tipsRecovery: 0,
  rewardClaims: 0,
  removals: emptyTally(),
  corrections: emptyTally(),
  tipsOpened: emptyTally(),
});

/**
 * The campaign's figures for a period (see the contract's definitions), overall and per unit.
 * `now` decides which open items are already overdue.
 */
export async function campaignReport(
  db: Database,
  scope: CampaignScope,
  span: Span & { days: number },
  now: Date,
): Promise<CampaignReport> {
  const today = todayInChina(now);
  const [units, published, removed, clocks, corrections, tipList, rewards, demo] = await Promise.all([
    unitsOf(db, scope),
    publishedGroups(db, scope, span),
    removedGroups(db, scope, span),
    removalClockRows(db, scope, span),
    correctionRows(db, scope, span),
    tipRows(db, scope, span),
    rewardRows(db, scope, span),
    touchesDemo(db, scope, span),
  ]);
  const byUnit = new Map<string | null, UnitAcc>(units.map((u) => [u.id, newUnit(u.id, u.name)]));
  const unit = (id: string | null): UnitAcc => {
    let acc = byUnit.get(id);
    if (!acc) {
      // a listing of a unit outside the scope cannot appear; an unassigned one can
      acc = newUnit(id, id === null ? UNASSIGNED : id);
      byUnit.set(id, acc);
    }
    return acc;
  };

  const livelihood = {
    published: 0,
    publishedAmountFen: 0,
    removed: 0,
    removedAmountFen: 0,
    performed: 0,
    performedAmountFen: 0,
    tipsReceived: 0,
  };
  const publishedTotal = { count: 0, amountFen: 0, livelihood: 0, livelihoodAmountFen: 0 };
  for (const g of published) {
    const u = unit(g.unitId);
    u.published += g.count;
    u.publishedAmountFen += g.amountFen;
    publishedTotal.count += g.count;
    publishedTotal.amountFen += g.amountFen;
    if (g.livelihood) {
      u.livelihoodPublished += g.count;
      publishedTotal.livelihood += g.count;
      publishedTotal.livelihoodAmountFen += g.amountFen;
    }
  }
  livelihood.published = publishedTotal.livelihood;
  livelihood.publishedAmountFen = publishedTotal.livelihoodAmountFen;

  const removedTotal = { count: 0, amountFen: 0, livelihood: 0, livelihoodAmountFen: 0 };
  const performedTotal = { count: 0, amountFen: 0 };
  const byReason = new Map(
    REMOVAL_REASONS.map((r) => [
      r.code,
      { reason: r.code, label: r.label, count: 0, amountFen: 0, livelihood: 0 },
    ]),
  );
  for (const g of removed) {
    const u = unit(g.unitId);
    const performedReason = g.reason !== null && PERFORMANCE_REASONS.includes(g.reason);
    u.removed += g.count;
    u.removedAmountFen += g.amountFen;
    removedTotal.count += g.count;
    removedTotal.amountFen += g.amountFen;
    if (performedReason) {
      u.performed += g.count;
      u.performedAmountFen += g.amountFen;
      performedTotal.count += g.count;
      performedTotal.amountFen += g.amountFen;
    }
    if (g.livelihood) {
      removedTotal.livelihood += g.count;
      removedTotal.livelihoodAmountFen += g.amountFen;
      livelihood.removed += g.count;
      livelihood.removedAmountFen += g.amountFen;
      if (performedReason) {
        livelihood.performed += g.count;
        livelihood.performedAmountFen += g.amountFen;
      }
    }
    const row = g.reason ? byReason.get(g.reason) : undefined;
    if (row) {
      row.count += g.count;
      row.amountFen += g.amountFen;
      if (g.livelihood) row.livelihood += g.count;
    }
  }

  for (const row of clocks) {
    const clock = removalClockOf(row, today);
    if (!clock) continue;
    const done = row.status === 'removed';
    countInto(unit(row.unitId).removals, stateOf(done, clock.overdue), clock.estimate);
  }

  for (const c of corrections) {
    if (!c.decidedAt) continue;
    const clock = correctionFixClock({ decidedOn: todayInChina(c.decidedAt), fixedOn: c.fixedOn, today });
    countInto(unit(c.unitId).corrections, stateOf(clock.state === 'fixed', clock.overdue), clock.estimate);
  }

  const tipsTotal = { received: 0, opened: 0, verified: 0, recovery: 0 };
  const kinds = new Map(TIP_KINDS.map((k) => [k, 0]));
  for (const t of tipList) {
    const u = unit(t.unitId);
    const receivedOn = todayInChina(t.createdAt);
    const deadline = addWorkingDays(receivedOn, 1);
    const openedOn = t.openedAt ? todayInChina(t.openedAt) : null;
    const overdue = openedOn ? openedOn > deadline : today > deadline;
    countInto(u.tipsOpened, stateOf(openedOn !== null, overdue), !isSpanAuthoritative(receivedOn, deadline));
    const recovery =
      t.verified &&
      t.listingStatus === 'removed' &&
      t.removalReason !== null &&
      PERFORMANCE_REASONS.includes(t.removalReason) &&
      t.removedAt !== null &&
      t.removedAt >= t.createdAt;
    u.tipsReceived++;
    tipsTotal.received++;
    if (openedOn) tipsTotal.opened++;
    if (t.verified) {
      u.tipsVerified++;
      tipsTotal.verified++;
    }
    if (recovery) {
      u.tipsRecovery++;
      tipsTotal.recovery++;
    }
    if (t.claim) u.rewardClaims++;
    if (t.livelihood) livelihood.tipsReceived++;
    kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
  }

  const rewardTotal = { published: 0, amountFen: 0, rateNotices: 0, claims: 0 };
  for (const r of rewards) {
    rewardTotal.published++;
    if (r.amountFen !== null) rewardTotal.amountFen += r.amountFen;
    else rewardTotal.rateNotices++;
  }
  rewardTotal.claims = tipList.filter((t) => t.claim).length;

  const accs = [...byUnit.values()];
  const rows = rankUnits(accs);
  const removals = addTallies(...accs.map((u) => u.removals));
  const correctionsTally = addTallies(...accs.map((u) => u.corrections));
  const tipsOpened = addTallies(...accs.map((u) => u.tipsOpened));
  return {
    period: { from: span.from, to: span.to, days: span.days },
    scope: scope.unitId === null ? 'court' : 'unit',
    generatedAt: now.toISOString(),
    demo,
    livelihood,
    published: publishedTotal,
    removed: removedTotal,
    removedByReason: [...byReason.values()]
      .filter((r) => r.count > 0)
      .sort((a, b) => b.livelihood - a.livelihood || b.count - a.count),
    performed: performedTotal,
    tips: {
      ...tipsTotal,
      byKind: TIP_KINDS.map((kind) => ({ kind, label: TIP_KIND_LABELS[kind], count: kinds.get(kind) ?? 0 })),
    },
    rewards: rewardTotal,
    deadlines: {
      removals: withRate(removals),
      corrections: withRate(correctionsTally),
      tipsOpened: withRate(tipsOpened),
      overall: withRate(addTallies(removals, correctionsTally, tipsOpened)),
    },
    units: rows,
  };
}

/**
 * The leaderboard ("你追我赶，争先创优"): units ranked by their combined deadline rate (units with
 * nothing due after those with a rate), then verified tips, then removals; unassigned cases are
 * listed last, unranked.
 */
function rankUnits(accs: UnitAcc[]): CampaignUnitRow[] {
  const rows = accs.map((u) => {
    const total = withRate(addTallies(u.removals, u.corrections, u.tipsOpened));
    return {
      ...u,
      rank: null as number | null,
      removals: withRate(u.removals),
      corrections: withRate(u.corrections),
      tipsOpened: withRate(u.tipsOpened),
      complianceRate: total.rate,
    };
  });
  const ranked = rows
    .filter((r) => r.unitId !== null)
    .sort(
      (a, b) =>
        (b.complianceRate ?? -1) - (a.complianceRate ?? -1) ||
        b.tipsVerified - a.tipsVerified ||
        b.removed - a.removed ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  ranked.forEach((r, i) => {
    r.rank = i + 1;
  });
  return [...ranked, ...rows.filter((r) => r.unitId === null)];
}
