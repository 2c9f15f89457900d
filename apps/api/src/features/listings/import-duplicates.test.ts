import { listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor, usccFor } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const HEADER =
  'kind,name,idNumber,uscc,legalRepresentative,caseNo,court,filedAt,basisIssuer,basisDocNo,obligation,performance,category,amountOwedFen,livelihood,region';
/** filed in the year the case number names */
const filed = (caseNo: string) => `${/\d{4}/.exec(caseNo)![0]}-05-01`;
const person = (name: string, id: string, caseNo: string) =>
  `person,${name},${id},,,${caseNo},儋州市人民法院,${filed(caseNo)},儋州市人民法院,（2013）琼9003民初1号,支付货款,未履行,1,100000,否,儋州市`;
const org = (name: string, uscc: string, caseNo: string) =>
  `org,${name},,${uscc},吴测试,${caseNo},儋州市人民法院,${filed(caseNo)},儋州市人民法院,（2013）琼9003民初2号,支付货款,未履行,4,100000,否,儋州市`;
const csv = (lines: string[]) => `${[HEADER, ...lines].join('\r\n')}\r\n`;

interface ImportBody {
  created: number;
  duplicates: number;
  rejected: { row: number; code: string; message: string; field?: string; listingId?: string }[];
}

describe.each(backends())('issue 14 item 14: importing the same file twice on $kind', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(backend);
  });
  afterAll(() => t?.close());

  const upload = async (text: string) => {
    const res = await t.request('/api/v1/admin/listings/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: text,
      token: 'admin',
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ImportBody;
  };
  const count = async () => (await t.rt.deps.db.select({ id: listings.id }).from(listings)).length;

  it('a second upload of the same file stores nothing and names, per spreadsheet row, the listing each row already is', async () => {
    const file = csv([
      person('符一', idNumberFor('19800101', '301'), '（2019）琼9003执301号'),
      org('海南重复测试有限公司', usccFor('91460000MA5T00301'), '（2019）琼9003执302号'),
      person('符三', idNumberFor('19800101', '303'), '（2014）海中法执字第303号'),
    ]);
    const first = await upload(file);
    expect(first).toMatchObject({ created: 3, duplicates: 0, rejected: [] });
    const stored = await count();
    const again = await upload(file);
    expect(again.created).toBe(0);
    expect(again.duplicates).toBe(3);
    expect(again.rejected.map((r) => [r.row, r.code])).toEqual([
      [2, 'DUPLICATE'],
      [3, 'DUPLICATE'],
      [4, 'DUPLICATE'],
    ]);
    const firstIds = (
      await t.rt.deps.db.select({ id: listings.id, caseNo: listings.caseNo }).from(listings)
    ).filter((l) => l.caseNo.includes('301') || l.caseNo.includes('302') || l.caseNo.includes('303'));
    for (const r of again.rejected) {
      expect(firstIds.map((l) => l.id)).toContain(r.listingId);
      expect(r.message).toContain(r.listingId!);
      expect(r.message).toMatch(/重复/);
    }
    expect(await count()).toBe(stored);
  });

  it('a file cut off midway and sent again completes: only the rows not yet stored are added', async () => {
    const lines = Array.from({ length: 6 }, (_, i) =>
      person(`符续${i}`, idNumberFor('19800303', String(400 + i)), `（2020）琼9003执${400 + i}号`),
    );
    const part = await upload(csv(lines.slice(0, 4)));
    expect(part.created).toBe(4);
    const whole = await upload(csv(lines));
    expect(whole).toMatchObject({ created: 2, duplicates: 4 });
    expect(whole.rejected.map((r) => r.row)).toEqual([2, 3, 4, 5]);
  });

  it('the same case number with another person, or the same person in another case, is not a duplicate', async () => {
    const id = idNumberFor('19800404', '501');
    const res = await upload(
      csv([
        person('符甲', id, '（2021）琼9003执501号'),
        person('符乙', idNumberFor('19800404', '502'), '（2021）琼9003执501号'),
        person('符甲', id, '（2021）琼9003执502号'),
        // the same row twice in one file: the second is reported (the CSV parser catches it)
        person('符甲', id, '（2021）琼9003执501号'),
      ]),
    );
    expect(res.created).toBe(3);
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]).toMatchObject({ row: 5, code: 'CSV_DUPLICATE_ROW', field: 'caseNo' });
  });

  it('a removed listing does not block listing the same case again (art. 10 ¶3 re-listing)', async () => {
    const line = person('符再', idNumberFor('19800505', '601'), '（2022）琼9003执601号');
    const first = await upload(csv([line]));
    expect(first.created).toBe(1);
    const [row] = (await t.rt.deps.db.select().from(listings)).filter((l) => l.caseNo.includes('601'));
    await t.request(`/api/v1/admin/listings/${row!.id}/publish`, { method: 'POST', token: 'admin' });
    const removed = await t.request(`/api/v1/admin/listings/${row!.id}/remove`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'revoked' }),
      token: 'admin',
    });
    expect(removed.status).toBe(200);
    expect((await upload(csv([line]))).created).toBe(1);
  });
});
