import type { Database } from '@portal/db';
import {
  correctionRequests,
  executionUnits,
  listings,
  rewardNotices,
  tipEvents,
  tips,
} from '@portal/db/schema';
import { addDays, type RemovalReason, type TipKind } from '@portal/domain';
import { and, eq, exists, gte, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The rows the campaign figures are counted from, for one period and one scope (the whole court
 * or one unit). Listing figures are grouped in SQL; deadline-bound items are fetched one row each
 * because working days are counted by the domain's calendar.
 */
export interface CampaignScope {
  /** null: every unit of the court */
  unitId: string | null;
  courtId: string;
}

export interface Span {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const fenSum = (column: SQL | typeof listings.amountOwedFen) =>
  sql<string>`coalesce(sum(${column}), 0)`.mapWith(Number);

function inUnit(scope: CampaignScope, column = listings.unitId): SQL | undefined {
  return scope.unitId === null ? undefined : eq(column, scope.unitId);
}

const inSpan = (column: PgColumn, span: Span) => and(gte(column, span.start), lt(column, span.end));

export async function unitsOf(db: Database, scope: CampaignScope) {
  return db
    .select({ id: executionUnits.id, name: executionUnits.name })
    .from(executionUnits)
    .where(
      scope.unitId === null ? eq(executionUnits.courtId, scope.courtId) : eq(executionUnits.id, scope.unitId),
    )
    .orderBy(executionUnits.name);
}

export async function publishedGroups(db: Database, scope: CampaignScope, span: Span) {
  return db
    .select({
      unitId: listings.unitId,
      livelihood: listings.livelihood,
      count: sql<number>`count(*)`.mapWith(Number),
      amountFen: fenSum(listings.amountOwedFen),
    })
    .from(listings)
    .where(and(inSpan(listings.publishedAt, span), inUnit(scope)))
    .groupBy(listings.unitId, listings.livelihood);
}

export async function removedGroups(db: Database, scope: CampaignScope, span: Span) {
  return db
    .select({
      unitId: listings.unitId,
      livelihood: listings.livelihood,
      reason: listings.removalReason,
      count: sql<number>`count(*)`.mapWith(Number),
      amountFen: fenSum(listings.amountOwedFen),
    })
    .from(listings)
    .where(and(eq(listings.status, 'removed'), inSpan(listings.removedAt, span), inUnit(scope)))
    .groupBy(listings.unitId, listings.livelihood, listings.removalReason);
}

/**
 * Listings whose removal clock belongs to the period: removed in it (with an event date), or
 * still published although their term ended so that the removal event (the day after the term)
 * falls in it.
 */
export async function removalClockRows(db: Database, scope: CampaignScope, span: Span) {
  return db
    .select()
    .from(listings)
    .where(
      and(
        or(
          and(
            eq(listings.status, 'removed'),
            isNotNull(listings.removalEventDate),
            inSpan(listings.removedAt, span),
          ),
          and(
            eq(listings.status, 'published'),
            gte(listings.termEndsAt, addDays(span.from, -1)),
            lt(listings.termEndsAt, span.to),
          ),
        ),
        inUnit(scope),
      ),
    );
}

/** Accepted correction requests decided in the period, with their listing's unit. */
export async function correctionRows(db: Database, scope: CampaignScope, span: Span) {
  return db
    .select({
      decidedAt: correctionRequests.decidedAt,
      fixedOn: correctionRequests.fixedOn,
      unitId: listings.unitId,
    })
    .from(correctionRequests)
    .innerJoin(listings, eq(listings.id, correctionRequests.listingId))
    .where(
      and(
        eq(correctionRequests.status, 'accepted'),
        inSpan(correctionRequests.decidedAt, span),
        inUnit(scope),
      ),
    );
}

/** Tips received in the period with what the figures need: unit, opening, verification, outcome. */
export async function tipRows(db: Database, scope: CampaignScope, span: Span) {
  return db
    .select({
      kind: sql<TipKind>`${tips.kind}`,
      createdAt: tips.createdAt,
      openedAt: tips.openedAt,
      claim: sql<boolean>`${tips.rewardNoticeId} is not null`,
      verified: sql<boolean>`${tips.status} = 'verified' or ${exists(
        db
          .select({ one: sql`1` })
          .from(tipEvents)
          .where(and(eq(tipEvents.tipId, tips.id), eq(tipEvents.status, 'verified'))),
      )}`,
      unitId: listings.unitId,
      livelihood: listings.livelihood,
      listingStatus: listings.status,
      removalReason: sql<RemovalReason | null>`${listings.removalReason}`,
      removedAt: listings.removedAt,
    })
    .from(tips)
    .innerJoin(listings, eq(listings.id, tips.listingId))
    .where(and(inSpan(tips.createdAt, span), inUnit(scope)));
}

/** 悬赏 notices published in the period. */
export async function rewardRows(db: Database, scope: CampaignScope, span: Span) {
  return db
    .select({
      unitId: listings.unitId,
      amountFen: rewardNotices.amountFen,
      ratePercent: rewardNotices.ratePercent,
    })
    .from(rewardNotices)
    .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
    .where(and(inSpan(rewardNotices.publishedAt, span), inUnit(scope)));
}

/**
 * True when any figure of the period counts a synthetic demo listing (or a tip on one): the
 * screens then say 演示数据, as every surface must.
 */
export async function touchesDemo(db: Database, scope: CampaignScope, span: Span): Promise<boolean> {
  const [listing] = await db
    .select({ id: listings.id })
    .from(listings)
    .where(
      and(
        eq(listings.demo, true),
        or(inSpan(listings.publishedAt, span), inSpan(listings.removedAt, span)),
        inUnit(scope),
      ),
    )
    .limit(1);
  if (listing) return true;
  const [tip] = await db
    .select({ id: tips.id })
    .from(tips)
    .innerJoin(listings, eq(listings.id, tips.listingId))
    .where(and(eq(listings.demo, true), inSpan(tips.createdAt, span), inUnit(scope)))
    .limit(1);
  return Boolean(tip);
}
