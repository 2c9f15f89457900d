import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberFor } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const HEADER =
  '被执行人姓名/名称,身份证号码/组织机构代码,案号,执行法院,立案时间,做出执行依据单位,执行依据文号,生效法律文书确定的义务,被执行人的履行情况,失信被执行人行为具体情形,未履行金额（元）,涉民生,地区';

function row(
  name: string,
  id: string,
  caseNo: string,
  category = '有履行能力而拒不履行生效法律文书确定义务',
  amount = '"12,345.60"',
) {
  return `${name},${id},${caseNo},儋州市人民法院,2017年7月18日,儋州市人民法院,（2017）琼9003民初1号,"支付工资，含""加班费""",全部未履行,${category},${amount},是,儋州市`;
}

const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);

describe.each(backends())('CSV import on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(async () => {
    await t.close();
  });

  const upload = (bytes: Uint8Array, token = 'admin', type = 'text/csv') =>
    t.request('/api/v1/admin/listings/import', {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: bytes,
      token,
    });

  it('stores the good rows as drafts and reports each bad row by spreadsheet row and field', async () => {
    const minor = idNumberFor(`${new Date().getUTCFullYear() - 10}0505`);
    const res = await upload(
      csv([
        row('符大海', idNumberFor('19750303'), '（2017）琼9003执1001号'),
        row('未成年', minor, '（2017）琼9003执1002号'),
        row('李科学', '4.60103E+17', '（2017）琼9003执1003号'),
        row('王二', idNumberFor('19820202'), '(2017)琼9003执1004号'),
        row('陈错类', idNumberFor('19820203'), '（2017）琼9003执1005号', '第七项'),
      ]),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      created: number;
      rejected: { row: number; field?: string; code: string; message: string }[];
    };
    expect(body.created).toBe(2);
    expect(body.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'idNumber'],
      [4, 'idNumber'],
      [6, 'category'],
    ]);
    for (const r of body.rejected) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    const drafts = (await (
      await t.request('/api/v1/admin/listings?status=draft', { token: 'admin' })
    ).json()) as {
      items: { name: string; caseNo: string; amountOwedFen: number; obligation: string }[];
    };
    expect(drafts.items.map((d) => d.name).sort()).toEqual(['王二', '符大海'].sort());
    const wang = drafts.items.find((d) => d.name === '王二');
    expect(wang?.caseNo).toBe('（2017）琼9003执1004号');
    expect(wang?.amountOwedFen).toBe(1_234_560);
    expect(wang?.obligation).toBe('支付工资，含"加班费"');
  });

  it('counts a row with several bad cells once as a refused row, and every problem apart', async () => {
    const res = await upload(
      csv([
        row('两处错', '123', '（2017）琼9003执1011号', '第七项'),
        row('一处错', idNumberFor('19820204'), '（2017）琼9003执1012号', '第七项'),
        row('好人', idNumberFor('19820205'), '（2017）琼9003执1013号'),
      ]),
    );
    const body = (await res.json()) as {
      created: number;
      rejected: { row: number; field?: string }[];
      rejectedTotal: number;
      problemsTotal: number;
    };
    expect(body.created).toBe(1);
    expect(body.rejected.map((r) => r.row)).toEqual([2, 2, 3]);
    expect(body.rejectedTotal).toBe(2);
    expect(body.problemsTotal).toBe(3);
  });

  it('a file with only bad rows changes nothing', async () => {
    const res = await upload(csv([row('坏人', '123', '（2017）琼9003执1009号')]));
    const body = (await res.json()) as { created: number; rejected: unknown[] };
    expect(body.created).toBe(0);
    expect(body.rejected).toHaveLength(1);
    const all = (await (await t.request('/api/v1/admin/listings', { token: 'admin' })).json()) as {
      total: number;
    };
    expect(all.total).toBe(0);
  });

  it('rejects a non-CSV content type with 415', async () => {
    const res = await upload(csv([]), 'admin', 'application/json');
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
