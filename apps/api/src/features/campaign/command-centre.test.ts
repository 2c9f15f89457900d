import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { addCustodian, CUSTODIAN_TOKEN, publishedListing, submit, tipBody } from '../tips/tips-testing.ts';
import { commandCentreUnits } from './command-centre.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PATH = '/api/v1/admin/screens/command-centre.png';

function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// one backend is enough: the slide's figures are the same queries the campaign tests run on both
describe.each(backends().slice(0, 1))('指挥中心 slide on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(async () => {
    await t.close();
  });

  const slide = async (token = 'admin') => {
    const res = await t.request(PATH, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    return Buffer.from(await res.arrayBuffer());
  };

  it('renders a 1920×1080 PNG for staff, and a new tip changes it', async () => {
    const listingId = await publishedListing(t, 'U-A');
    const before = await slide();
    expect(pngSize(before)).toEqual({ width: 1920, height: 1080 });
    const unitsBefore = await commandCentreUnits(t.rt.deps, { unitId: null, courtId: 'C1' }, new Date());
    expect(unitsBefore.find((u) => u.name === '执行一组')).toMatchObject({ openTips: 0, unopenedTips: 0 });

    const { res } = await submit(t, tipBody(listingId));
    expect(res.status).toBe(201);
    const after = await slide();
    expect(pngSize(after)).toEqual({ width: 1920, height: 1080 });
    expect(after.equals(before)).toBe(false);
    const unitsAfter = await commandCentreUnits(t.rt.deps, { unitId: null, courtId: 'C1' }, new Date());
    expect(unitsAfter[0]).toMatchObject({
      name: '执行一组',
      openTips: 1,
      unopenedTips: 1,
      lateUnopenedTips: 0,
    });
    expect(unitsAfter[0]?.nextDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists open tips on cases without a unit on their own row for the court admin, never for a unit', async () => {
    const listingId = await publishedListing(t, null);
    expect((await submit(t, tipBody(listingId))).res.status).toBe(201);
    const court = await commandCentreUnits(t.rt.deps, { unitId: null, courtId: 'C1' }, new Date());
    expect(court.find((u) => u.name === '未分配执行单元')).toMatchObject({ openTips: 1, unopenedTips: 1 });
    const unit = await commandCentreUnits(t.rt.deps, { unitId: 'U-A', courtId: 'C1' }, new Date());
    expect(unit.map((u) => u.name)).toEqual(['执行一组']);
  });

  it('shows a unit member its own unit, and refuses custodians and anonymous callers', async () => {
    const own = await commandCentreUnits(t.rt.deps, { unitId: 'U-B', courtId: 'C1' }, new Date());
    expect(own.map((u) => u.name)).toEqual(['执行二组']);
    expect(pngSize(await slide('unitB'))).toEqual({ width: 1920, height: 1080 });
    await addCustodian(t);
    const refused = await t.request(PATH, { token: CUSTODIAN_TOKEN });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /[\u4e00-\u9fff]/,
    );
    expect((await t.request(PATH)).status).toBe(401);
  });
});
