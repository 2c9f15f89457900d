import { staff, staffTokens } from '@portal/db/schema';
import { todayInChina } from '@portal/domain';
import { personDraft } from '../../testing/fixtures.ts';
import type { TestRuntime } from '../../testing/test-runtime.ts';
import { hashToken } from '../staff/staff-auth.ts';

/** Test helpers for tip-offs: a published listing of a unit, a custodian, request builders. */
export const CUSTODIAN_TOKEN = 'test-custodian-token';

export const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

export async function publishedListing(t: TestRuntime, unitId: string | null = 'U-A'): Promise<string> {
  const res = await t.request('/api/v1/admin/listings', {
    ...json(personDraft(unitId ? { unitId } : {})),
    token: 'admin',
  });
  const { id } = (await res.json()) as { id: string };
  const pub = await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${await pub.text()}`);
  await t.rt.drainPublisher(); // public 悬赏 pages read the listing from the read model
  return id;
}

/** The day `offset` days from today, China time (`YYYY-MM-DD`). */
export const day = (offset: number) => todayInChina(new Date(Date.now() + offset * 86_400_000));

/** A 悬赏 notice of ¥50,000 on the listing, in force from yesterday for 30 days, published by unit A. */
export async function publishedRewardNotice(t: TestRuntime, listingId: string): Promise<string> {
  const res = await t.request('/api/v1/admin/rewards', {
    ...json({
      listingId,
      amountFen: 5_000_000,
      conditions: ['提供法院尚未掌握的财产线索'],
      startsAt: day(-1),
      endsAt: day(30),
      applicantName: '李债权',
      applicantKind: 'person',
    }),
    token: 'unitA',
  });
  const { id } = (await res.json()) as { id: string };
  const pub = await t.request(`/api/v1/admin/rewards/${id}/publish`, { method: 'POST', token: 'unitA' });
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${await pub.text()}`);
  return id;
}

export async function addCustodian(t: TestRuntime): Promise<void> {
  await t.rt.deps.db.insert(staff).values({ id: 'S-CUST', name: '保管人', role: 'custodian', courtId: 'C1' });
  await t.rt.deps.db
    .insert(staffTokens)
    .values({ id: 'T-CUST', staffId: 'S-CUST', tokenHash: hashToken(CUSTODIAN_TOKEN) });
}

export function tipBody(listingId: string, overrides: Record<string, unknown> = {}) {
  return {
    listingId,
    kind: 'consumption',
    consumptionItem: 1,
    description: '本周一在美兰机场看到他乘坐飞机头等舱。',
    seenAt: '2026-11-23T09:30:00+08:00',
    place: '海口美兰国际机场',
    ...overrides,
  };
}

export async function submit(t: TestRuntime, body: unknown, headers: Record<string, string> = {}) {
  const res = await t.request('/api/v1/tips', json(body, headers));
  return {
    res,
    body: (await res.json()) as Record<string, unknown> & {
      receipt: string;
      error?: { code: string; field?: string; message: string };
    },
  };
}

export async function lookup(t: TestRuntime, receipt: string, headers: Record<string, string> = {}) {
  return t.request('/api/v1/tips/lookup', json({ receipt }, headers));
}
