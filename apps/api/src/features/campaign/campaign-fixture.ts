/**
 * A campaign period with known contents (synthetic, 演示数据-style names), written straight into
 * the database with the timestamps of 2017 so that tests can check every figure of the campaign
 * report against what was seeded. Period: 2017-07-18 to 2017-09-18 (no public holiday inside;
 * 2017-07-28 and 2017-08-01 straddle a weekend, which the working-day clocks must skip).
 */
import type { Database } from '@portal/db';
import { correctionRequests, listings, rewardNotices, tipEvents, tips } from '@portal/db/schema';

export const CAMPAIGN_PERIOD = { from: '2017-07-18', to: '2017-09-18' } as const;

interface Units {
  a: string;
  b: string;
  staffId: string;
}

const at = (iso: string) => new Date(iso);

function listing(id: string, unitId: string | null, over: Partial<typeof listings.$inferInsert>) {
  return {
    id,
    status: 'published' as const,
    kind: 'person' as const,
    name: `演示${id}`,
    caseNo: `（2017）琼9003执${id.replace(/\D/g, '')}号`,
    court: '儋州市人民法院',
    filedAt: '2017-01-10',
    basisIssuer: '儋州市人民法院',
    basisDocNo: `（2016）琼9003民初${id.replace(/\D/g, '')}号`,
    obligation: '支付款项',
    performance: '全部未履行',
    category: 1 as const,
    amountOwedFen: 0,
    livelihood: false,
    region: '儋州市',
    unitId,
    demo: true,
    ...over,
  };
}

/**
 * Seeds the period. What it holds (the test files state the expected figures from this list):
 * - unit a: L1 涉民生 ¥1,000 published 07-20, removed 08-01 (performed, event 07-28 → deadline
 *   08-02: in time); L2 ¥2,000 published 07-21, still listed; L3 涉民生 ¥500 published before the
 *   period, removed 08-10 (withdrawn, event 08-01 → deadline 08-04: late);
 * - unit b: L4 ¥3,000 published 08-15, removed 09-30 (after the period, performed); L5 category 2,
 *   term ended 08-31, still listed (removal deadline 09-06 passed: overdue); L6 published 09-19
 *   09:00 China time (outside); L7 ¥100 published 09-18 23:30 China time (inside);
 * - no unit: L8 ¥50 published 08-01;
 * - tips: T1 on L1 opened the same day, verified then closed (led to recovery); T2 on L2 received
 *   Friday 07-28, opened Tuesday 08-01 (late: due Monday), not useful; T3 on L4 never opened;
 *   T4 on L4 before the period; T5 on L4 claiming 悬赏 R1, opened the same day, verified (L4 later
 *   performed: recovery);
 * - corrections: C1 on L2 accepted 08-07, fixed 08-09 (in time); C2 on L4 accepted 08-21, never fixed;
 * - 悬赏 R1 on L4, ¥5,000, published 08-18.
 */
export async function seedCampaignPeriod(db: Database, units: Units): Promise<void> {
  const { a, b, staffId } = units;
  await db.insert(listings).values([
    listing('CPL1', a, {
      livelihood: true,
      amountOwedFen: 100_000,
      publishedAt: at('2017-07-20T02:00:00Z'),
      listedAt: '2017-07-20',
      status: 'removed',
      removedAt: at('2017-08-01T02:00:00Z'),
      removalReason: 'performed',
      removalEventDate: '2017-07-28',
      removalDeadline: '2017-08-02',
    }),
    listing('CPL2', a, { amountOwedFen: 200_000, publishedAt: at('2017-07-21T02:00:00Z') }),
    listing('CPL3', a, {
      livelihood: true,
      amountOwedFen: 50_000,
      publishedAt: at('2017-06-01T02:00:00Z'),
      status: 'removed',
      removedAt: at('2017-08-10T02:00:00Z'),
      removalReason: 'withdrawn',
      removalEventDate: '2017-08-01',
      removalDeadline: '2017-08-04',
    }),
    listing('CPL4', b, {
      amountOwedFen: 300_000,
      publishedAt: at('2017-08-15T02:00:00Z'),
      status: 'removed',
      removedAt: at('2017-09-30T02:00:00Z'),
      removalReason: 'performed',
      removalEventDate: '2017-09-29',
      removalDeadline: '2017-10-10',
    }),
    listing('CPL5', b, {
      category: 2,
      amountOwedFen: 70_000,
      publishedAt: at('2015-08-01T02:00:00Z'),
      listedAt: '2015-08-01',
      termEndsAt: '2017-08-31',
    }),
    listing('CPL6', b, { amountOwedFen: 900_000, publishedAt: at('2017-09-19T01:00:00Z') }),
    listing('CPL7', b, { amountOwedFen: 10_000, publishedAt: at('2017-09-18T15:30:00Z') }),
    listing('CPL8', null, { amountOwedFen: 5_000, publishedAt: at('2017-08-01T02:00:00Z') }),
  ]);
  await db.insert(rewardNotices).values({
    id: 'CPR1',
    listingId: 'CPL4',
    status: 'published',
    amountFen: 500_000,
    conditions: ['提供可供执行的财产线索并经查证属实'],
    startsOn: '2017-08-18',
    endsOn: '2017-12-31',
    applicationReceivedOn: '2017-08-16',
    decisionDeadline: '2017-08-28',
    promiseToPay: true,
    venues: [],
    tipSeq: 1,
    publishedAt: at('2017-08-18T02:00:00Z'),
    createdBy: staffId,
  });
  const tip = (
    id: string,
    listingId: string,
    createdAt: string,
    over: Partial<typeof tips.$inferInsert> = {},
  ) => ({
    id,
    listingId,
    kind: 'asset' as const,
    description: '演示数据：线索内容',
    receiptHash: `campaign-fixture-${id}`,
    createdAt: at(createdAt),
    updatedAt: at(createdAt),
    ...over,
  });
  await db.insert(tips).values([
    tip('CPT1', 'CPL1', '2017-07-24T02:00:00Z', { status: 'closed', openedAt: at('2017-07-24T05:00:00Z') }),
    tip('CPT2', 'CPL2', '2017-07-28T02:00:00Z', {
      kind: 'whereabouts',
      status: 'not_useful',
      openedAt: at('2017-08-01T02:00:00Z'),
    }),
    tip('CPT3', 'CPL4', '2017-08-16T02:00:00Z', { kind: 'consumption', consumptionItem: 1 }),
    tip('CPT4', 'CPL4', '2017-06-01T02:00:00Z', { openedAt: at('2017-06-01T03:00:00Z') }),
    tip('CPT5', 'CPL4', '2017-08-20T02:00:00Z', {
      status: 'verified',
      openedAt: at('2017-08-20T04:00:00Z'),
      rewardNoticeId: 'CPR1',
      registrationNo: 1,
      registeredAt: at('2017-08-20T02:00:00Z'),
    }),
  ]);
  await db.insert(tipEvents).values([
    { id: 'CPE1', tipId: 'CPT1', staffId, status: 'verified', at: at('2017-07-25T02:00:00Z') },
    { id: 'CPE2', tipId: 'CPT1', staffId, status: 'closed', at: at('2017-08-02T02:00:00Z') },
  ]);
  const correction = (
    id: string,
    listingId: string,
    decided: string,
    fixDeadline: string,
    fixedOn: string | null,
  ) => ({
    id,
    listingId,
    grounds: 'inaccurate' as const,
    explanation: '演示数据：履行情况有误',
    contactSealed: 'sealed-placeholder',
    receiptCode: `JZCAMPAIGN${id}`,
    status: 'accepted' as const,
    receivedOn: '2017-08-01',
    reviewDeadline: '2017-08-16',
    decidedAt: at(decided),
    fixDeadline,
    fixedOn,
  });
  await db
    .insert(correctionRequests)
    .values([
      correction('CPC1', 'CPL2', '2017-08-07T02:00:00Z', '2017-08-10', '2017-08-09'),
      correction('CPC2', 'CPL4', '2017-08-21T02:00:00Z', '2017-08-24', null),
    ]);
}
