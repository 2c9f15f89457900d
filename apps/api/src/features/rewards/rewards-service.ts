import type { PublicReward, RewardCreate } from '@portal/contract';
import { appendAudit, newId } from '@portal/db';
import { listings, type RewardNoticeRow, rewardNotices, rewardPayments, tips } from '@portal/db/schema';
import {
  daysBetween,
  isRewardInForce,
  type PublicListing,
  type RewardTerms,
  rewardDecisionDeadline,
  rewardTermsOf,
  rewardTermsText,
  todayInChina,
} from '@portal/domain';
import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { assertCanActOnUnit } from '../staff/staff-auth.ts';
import { paymentView } from './reward-payments.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'search'>;

function termsOf(row: RewardNoticeRow): RewardTerms {
  return row.amountFen !== null
    ? { kind: 'amount', fen: row.amountFen }
    : { kind: 'rate', percent: Number(row.ratePercent) };
}

function staffOnly(principal: StaffPrincipal): void {
  if (principal.role === 'custodian')
    throw new ApiError('FORBIDDEN', { message: '身份信息保管人不处理悬赏事务。' });
}

/** Art. 21: records the creditor's written application; the court decides within ten days. */
export async function createReward(deps: Deps, principal: StaffPrincipal, input: RewardCreate) {
  staffOnly(principal);
  const terms = rewardTermsOf(input);
  if (!terms.ok) throw new ApiError('VALIDATION_FAILED', { field: 'amountFen', message: terms.message });
  return deps.db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ status: listings.status, unitId: listings.unitId })
      .from(listings)
      .where(eq(listings.id, input.listingId));
    if (!listing || listing.status === 'removed')
      throw new ApiError('LISTING_NOT_FOUND', { field: 'listingId' });
    assertCanActOnUnit(principal, listing.unitId);
    const receivedOn = input.applicationReceivedOn ?? todayInChina(deps.now());
    const id = newId('R');
    const decisionDeadline = rewardDecisionDeadline(receivedOn);
    await tx.insert(rewardNotices).values({
      id,
      listingId: input.listingId,
      amountFen: terms.terms.kind === 'amount' ? terms.terms.fen : null,
      ratePercent: terms.terms.kind === 'rate' ? terms.terms.percent : null,
      conditions: input.conditions,
      startsOn: input.startsAt,
      endsOn: input.endsAt,
      applicantName: input.applicantName ?? null,
      applicantKind: input.applicantKind,
      applicationReceivedOn: receivedOn,
      decisionDeadline,
      promiseToPay: input.promiseToPay,
      venues: input.venues,
      courtPhone: input.courtPhone ?? null,
      createdBy: principal.staffId,
    });
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'reward.apply',
      entity: 'reward',
      entityId: id,
      details: { listingId: input.listingId },
    });
    return { id, status: 'draft' as const, decisionDeadline };
  });
}

/** Art. 22: publishes the notice; only while its listing is published and its period not over. */
export async function publishReward(deps: Deps, principal: StaffPrincipal, id: string) {
  staffOnly(principal);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: rewardNotices, listingStatus: listings.status, unitId: listings.unitId })
      .from(rewardNotices)
      .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
      .where(eq(rewardNotices.id, id))
      .for('update', { of: rewardNotices });
    if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该悬赏。' });
    assertCanActOnUnit(principal, row.unitId);
    if (row.n.status !== 'draft')
      throw new ApiError('INVALID_STATE', { message: '该悬赏公告已发布或已结束。' });
    if (row.listingStatus !== 'published')
      throw new ApiError('INVALID_STATE', { message: '该失信信息未在公布中，不能发布悬赏公告。' });
    if (row.n.endsOn < todayInChina(deps.now()))
      throw new ApiError('INVALID_STATE', { message: '悬赏期限已过，不能发布。' });
    await tx
      .update(rewardNotices)
      .set({ status: 'published', publishedAt: deps.now(), updatedAt: deps.now() })
      .where(eq(rewardNotices.id, id));
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'reward.publish',
      entity: 'reward',
      entityId: id,
    });
    return { id, status: 'published' as const };
  });
}

export async function listRewardsForStaff(
  deps: Deps,
  principal: StaffPrincipal,
  status?: RewardNoticeRow['status'],
) {
  staffOnly(principal);
  const scope: SQL | undefined =
    principal.role === 'unit_member' ? eq(listings.unitId, principal.unitId ?? '') : undefined;
  const rows = await deps.db
    .select({
      n: rewardNotices,
      listingName: listings.name,
      caseNo: listings.caseNo,
      unitId: listings.unitId,
      listingStatus: listings.status,
    })
    .from(rewardNotices)
    .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
    .where(and(scope, status ? eq(rewardNotices.status, status) : undefined))
    .orderBy(desc(rewardNotices.createdAt))
    .limit(200);
  const today = todayInChina(deps.now());
  const items = rows.map(({ n, listingName, caseNo, unitId, listingStatus }) => ({
    id: n.id,
    listingId: n.listingId,
    listingName,
    caseNo,
    unitId,
    status: n.status,
    inForce: isRewardInForce(
      { status: n.status, startsOn: n.startsOn, endsOn: n.endsOn },
      listingStatus === 'published',
      today,
    ),
    terms: termsOf(n),
    termsText: rewardTermsText(termsOf(n)),
    conditions: n.conditions,
    startsAt: n.startsOn,
    endsAt: n.endsOn,
    applicantName: n.applicantName,
    applicantKind: n.applicantKind,
    applicationReceivedOn: n.applicationReceivedOn,
    decisionDeadline: n.decisionDeadline,
    decisionDaysLeft: daysBetween(today, n.decisionDeadline),
    promiseToPay: n.promiseToPay,
    venues: n.venues,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    claimCount: n.tipSeq,
  }));
  return { items, total: items.length };
}

/** Art. 23: the register of leads claiming the notice, in the order they were stored. No identities. */
export async function rewardClaims(deps: Deps, principal: StaffPrincipal, id: string) {
  staffOnly(principal);
  const [row] = await deps.db
    .select({ unitId: listings.unitId })
    .from(rewardNotices)
    .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
    .where(eq(rewardNotices.id, id));
  if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该悬赏。' });
  assertCanActOnUnit(principal, row.unitId);
  const claims = await deps.db
    .select({
      registrationNo: tips.registrationNo,
      tipId: tips.id,
      registeredAt: tips.registeredAt,
      kind: tips.kind,
      status: tips.status,
      description: tips.description,
      payment: rewardPayments,
    })
    .from(tips)
    .leftJoin(rewardPayments, eq(rewardPayments.tipId, tips.id))
    .where(eq(tips.rewardNoticeId, id))
    .orderBy(asc(tips.registrationNo));
  const items = claims.map((c) => ({
    registrationNo: c.registrationNo ?? 0,
    tipId: c.tipId,
    registeredAt: (c.registeredAt ?? new Date(0)).toISOString(),
    kind: c.kind,
    status: c.status,
    description: c.description,
    payment: c.payment ? paymentView(c.payment) : null,
  }));
  return { items, total: items.length };
}

// ---- public ----------------------------------------------------------------------------------

function publicView(n: RewardNoticeRow, listing: PublicListing): PublicReward {
  const terms = termsOf(n);
  return {
    id: n.id,
    listingId: n.listingId,
    caseNo: listing.caseNo,
    court: listing.court,
    defaulter: {
      kind: listing.kind,
      name: listing.name,
      gender: listing.gender ?? null,
      age: listing.age ?? null,
      idNumberMasked: listing.idNumberMasked ?? null,
      uscc: listing.uscc ?? null,
      legalRepresentative: listing.legalRepresentative ?? null,
      amountOwedFen: listing.amountOwedFen,
    },
    terms,
    termsText: rewardTermsText(terms),
    conditions: n.conditions,
    startsAt: n.startsOn,
    endsAt: n.endsOn,
    publishedAt: (n.publishedAt ?? n.createdAt).toISOString(),
    // a natural person's name is never published (art. 23 confidentiality; PIPL)
    applicantName: n.applicantKind === 'org' ? n.applicantName : null,
    courtPhone: n.courtPhone,
    demo: listing.demo,
  };
}

/** Published, in force, listing still published (its public projection comes from the read model). */
export async function listPublicRewards(deps: Deps, opts: { listingId?: string | undefined; page: number }) {
  const today = todayInChina(deps.now());
  const where = and(
    eq(rewardNotices.status, 'published'),
    lte(rewardNotices.startsOn, today),
    gte(rewardNotices.endsOn, today),
    eq(listings.status, 'published'),
    opts.listingId ? eq(rewardNotices.listingId, opts.listingId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ n: rewardNotices })
      .from(rewardNotices)
      .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
      .where(where)
      .orderBy(desc(rewardNotices.publishedAt), desc(rewardNotices.id))
      .limit(50)
      .offset((opts.page - 1) * 50),
    deps.db
      .select({ n: count() })
      .from(rewardNotices)
      .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
      .where(where),
  ]);
  const items: PublicReward[] = [];
  for (const { n } of rows) {
    const listing = await deps.search.get(n.listingId);
    if (listing) items.push(publicView(n, listing));
  }
  return { items, total: total?.n ?? 0 };
}

export async function publicReward(deps: Deps, id: string): Promise<PublicReward> {
  const [row] = await deps.db
    .select({ n: rewardNotices, listingStatus: listings.status })
    .from(rewardNotices)
    .innerJoin(listings, eq(listings.id, rewardNotices.listingId))
    .where(eq(rewardNotices.id, id));
  const today = todayInChina(deps.now());
  const listing = row ? await deps.search.get(row.n.listingId) : null;
  if (
    !row ||
    !listing ||
    !isRewardInForce(
      { status: row.n.status, startsOn: row.n.startsOn, endsOn: row.n.endsOn },
      row.listingStatus === 'published',
      today,
    )
  )
    throw new ApiError('NOT_FOUND', { message: '未找到该悬赏公告，可能已结束或撤下。' });
  return publicView(row.n, listing);
}
