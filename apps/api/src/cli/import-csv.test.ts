import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor } from '../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, TOKENS } from '../testing/test-runtime.ts';
import { progressFileFor, runImport } from './import-csv.ts';

const HEADER =
  'kind,name,idNumber,caseNo,court,filedAt,basisIssuer,basisDocNo,obligation,performance,category,amountOwedFen,livelihood,region';

function writeCsv(rows: number, seq: number): string {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const n = seq + i;
    lines.push(
      `person,符续传${i},${idNumberFor('19800101', String(n % 1000).padStart(3, '0'))},（2019）琼9003执${n}号,儋州市人民法院,2019-05-01,儋州市人民法院,（2018）琼9003民初${n}号,支付货款,未履行,1,100000,否,儋州市`,
    );
  }
  const file = join(mkdtempSync(join(tmpdir(), 'portal-cli-')), 'listings.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

describe.each(backends())('import CLI: resuming where it stopped (issue 14 item 14) on $kind', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(backend);
  });
  afterAll(() => t?.close());

  const serverFetch = ((url: URL | string, init?: RequestInit) =>
    Promise.resolve(t.rt.app.request(String(url), init))) as typeof fetch;
  const count = async () => (await t.rt.deps.db.select({ id: listings.id }).from(listings)).length;
  const run = (file: string, extra: Partial<Parameters<typeof runImport>[0]> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    return runImport({
      api: 'http://portal.test',
      token: TOKENS.admin,
      file,
      chunkRows: 10,
      resume: false,
      fetch: serverFetch,
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      ...extra,
    }).then((code) => ({ code, out: out.join(''), err: err.join('') }));
  };

  it('a dropped connection leaves a progress file; --resume sends only the remaining chunks', async () => {
    const file = writeCsv(35, 100);
    const before = await count();
    let calls = 0;
    const flaky = ((url: URL | string, init?: RequestInit) => {
      calls++;
      if (calls === 3) return Promise.reject(new TypeError('fetch failed'));
      return serverFetch(url, init);
    }) as typeof fetch;
    const first = await run(file, { fetch: flaky });
    expect(first.code).toBe(1);
    expect(first.err).toContain('--resume');
    expect(await count()).toBe(before + 20);
    expect(JSON.parse(readFileSync(progressFileFor(file), 'utf8'))).toMatchObject({
      chunksDone: 2,
      created: 20,
    });

    let sent = 0;
    const counting = ((url: URL | string, init?: RequestInit) => {
      sent++;
      return serverFetch(url, init);
    }) as typeof fetch;
    const resumed = await run(file, { resume: true, fetch: counting });
    expect(resumed.code).toBe(0);
    expect(sent).toBe(2); // chunks 3 and 4 only
    expect(resumed.out).toContain('新增草稿 35 条，拒绝 0 行');
    expect(await count()).toBe(before + 35);
    expect(existsSync(progressFileFor(file))).toBe(false);
  });

  it('a chunk stored but whose response was lost is reported as already imported on resume, never stored twice', async () => {
    const file = writeCsv(25, 300);
    const before = await count();
    let calls = 0;
    const losesSecondResponse = (async (url: URL | string, init?: RequestInit) => {
      calls++;
      const res = await serverFetch(url, init);
      if (calls === 2) throw new TypeError('socket hang up'); // the server stored it; the answer never arrived
      return res;
    }) as typeof fetch;
    expect((await run(file, { fetch: losesSecondResponse })).code).toBe(1);
    expect(await count()).toBe(before + 20);
    const resumed = await run(file, { resume: true });
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain('新增草稿 15 条，拒绝 0 行，已存在（重复，已跳过）10 行');
    expect(await count()).toBe(before + 25);
  });

  it('running a finished file again stores nothing and says every row already exists', async () => {
    const file = writeCsv(12, 500);
    expect((await run(file)).code).toBe(0);
    const before = await count();
    const again = await run(file);
    expect(again.out).toContain('新增草稿 0 条，拒绝 0 行，已存在（重复，已跳过）12 行');
    expect(await count()).toBe(before);
  });

  it('refuses to resume with a progress file of another file or chunk size, with a zh-CN message', async () => {
    const file = writeCsv(15, 700);
    let calls = 0;
    const dropsSecond = ((url: URL | string, init?: RequestInit) =>
      ++calls === 2 ? Promise.reject(new TypeError('fetch failed')) : serverFetch(url, init)) as typeof fetch;
    expect((await run(file, { fetch: dropsSecond })).code).toBe(1);
    const before = await count();
    const wrongSize = await run(file, { resume: true, chunkRows: 5 });
    expect(wrongSize.code).toBe(2);
    expect(wrongSize.err).toContain('不能继续');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\r\n`.replace('符续传1,', '符续传一,'));
    const otherFile = await run(file, { resume: true });
    expect(otherFile.code).toBe(2);
    expect(await count()).toBe(before);
  });
});
