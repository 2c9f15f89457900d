import { tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { todayInChina } from '@portal/domain';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { addCustodian, CUSTODIAN_TOKEN, json, publishedListing, submit, tipBody } from './tips-testing.ts';

type Inbox = {
  items: {
    id: string;
    description: string;
    openedAt: string | null;
    openClock: { receivedOn: string; state: string; overdue: boolean; workingDaysElapsed: number };
  }[];
};
type Requests = {
  items: { id: string; tipId: string; requestedByName: string; unitName: string | null; status: string }[];
};

const DAY = 86_400_000;

/** The inbox as the console shows it: unopened first, oldest first, with the opening clock. */
describe.each(backends())('the staff tip inbox on $kind', (backend) => {
  let t: TestRuntime;
  let listing: string;
  const idOf = async (description: string) =>
    (await t.rt.deps.db.select({ id: tips.id }).from(tips).where(eq(tips.description, description)))[0]!.id;

  beforeEach(async () => {
    t = await openTestRuntime(backend);
    await addCustodian(t);
    listing = await publishedListing(t, 'U-A');
    for (const description of ['一个月前的线索', '今天的线索', '已打开的旧线索'])
      await submit(
        t,
        tipBody(listing, { description, contactName: '演示举报人', contactPhone: '13912345678' }),
      );
    const monthAgo = new Date(Date.now() - 30 * DAY);
    await t.rt.deps.db
      .update(tips)
      .set({ createdAt: monthAgo })
      .where(eq(tips.id, await idOf('一个月前的线索')));
    await t.rt.deps.db
      .update(tips)
      .set({ createdAt: new Date(Date.now() - 40 * DAY), openedAt: new Date(Date.now() - 39 * DAY) })
      .where(eq(tips.id, await idOf('已打开的旧线索')));
  });
  afterEach(() => t?.close());

  const inbox = async (token = 'unitA') =>
    (await (await t.request('/api/v1/admin/tips', { token })).json()) as Inbox;

  it('lists unopened tips first, the longest waiting first, then the opened ones', async () => {
    expect((await inbox()).items.map((i) => i.description)).toEqual([
      '一个月前的线索',
      '今天的线索',
      '已打开的旧线索',
    ]);
  });

  it('flags a tip unopened for more than one working day, not one that arrived today', async () => {
    const items = (await inbox()).items;
    const old = items.find((i) => i.description === '一个月前的线索')!;
    expect(old.openClock).toMatchObject({ state: 'unopened', overdue: true });
    expect(old.openClock.workingDaysElapsed).toBeGreaterThan(1);
    const fresh = items.find((i) => i.description === '今天的线索')!;
    expect(fresh.openClock).toMatchObject({
      receivedOn: todayInChina(),
      state: 'unopened',
      overdue: false,
      workingDaysElapsed: 0,
    });
    // opened within its working day: in time, and the clock stopped at the opening
    expect(items.find((i) => i.description === '已打开的旧线索')!.openClock).toMatchObject({
      state: 'opened',
      overdue: false,
    });
  });

  it('opening a tip moves it below the unopened ones and stops its clock', async () => {
    const id = await idOf('一个月前的线索');
    expect((await t.request(`/api/v1/admin/tips/${id}`, { token: 'unitA' })).status).toBe(200);
    const items = (await inbox()).items;
    expect(items.map((i) => i.description)).toEqual(['今天的线索', '已打开的旧线索', '一个月前的线索']);
    // opened today, a month after it arrived: it stays counted as opened late
    expect(items[2]!.openClock).toMatchObject({ state: 'opened', overdue: true });
  });

  it('names the requester and the unit on reveal requests, and filters them by tip', async () => {
    const id = await idOf('今天的线索');
    const other = await idOf('一个月前的线索');
    for (const tipId of [id, other])
      await t.request(`/api/v1/admin/tips/${tipId}/reveal-requests`, {
        ...json({ reason: '需电话核实线索细节' }),
        token: 'unitA',
      });
    const mine = (await (
      await t.request(`/api/v1/admin/reveal-requests?tipId=${id}`, { token: 'unitA' })
    ).json()) as Requests;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ tipId: id, requestedByName: '一组书记员', unitName: '执行一组' });
    // the custodian's queue carries the same names; the other unit sees none of them
    const queue = (await (
      await t.request('/api/v1/admin/reveal-requests?status=pending', { token: CUSTODIAN_TOKEN })
    ).json()) as Requests;
    expect(queue.items.map((r) => r.requestedByName)).toEqual(['一组书记员', '一组书记员']);
    const b = (await (
      await t.request('/api/v1/admin/reveal-requests', { token: 'unitB' })
    ).json()) as Requests;
    expect(b.items).toEqual([]);
  });

  it('refuses an unknown request status with a zh-CN message', async () => {
    const res = await t.request('/api/v1/admin/reveal-requests?status=maybe', { token: CUSTODIAN_TOKEN });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_PARAMETER');
    expect(body.error.message).toContain('状态只能是 pending、approved、rejected 或 revealed');
  });
});
