import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { idNumberCheckChar } from '@portal/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/start-server.ts';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'e2e-staff-cli-token-0001';

function idFor(birth: string, seq: number) {
  const first17 = `460103${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Court staff's command-line tools against a running portal: bulk CSV import, audit verification. */
describe('staff command-line tools', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ DEMO_RECORDS: '0', SITE_BUILD: '0', STAFF_BOOTSTRAP_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('imports a large CSV in chunks with progress and reports bad rows by their row in the file', async () => {
    const header =
      'name,idNumber,caseNo,court,filedAt,basisIssuer,basisDocNo,obligation,performance,category,amountOwedFen,livelihood,region';
    const lines = [header];
    for (let i = 1; i <= 2500; i++) {
      const id = i === 1234 ? '460103198001011230' : idFor('19800101', i % 1000);
      lines.push(
        `符导入${i},${id},（2019）琼9003执${i}号,儋州市人民法院,2019-05-01,儋州市人民法院,（2018）琼9003民初${i}号,支付货款,未履行,1,100000,否,儋州市`,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'portal-import-'));
    const file = join(dir, 'listings.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const { stdout, stderr } = await run(
      'npm',
      [
        'run',
        '--silent',
        'import',
        '--',
        '--api',
        server.url,
        '--token',
        TOKEN,
        '--chunk-rows',
        '1000',
        file,
      ],
      {
        cwd: REPO,
      },
    );
    expect(stderr).toContain('2500/2500');
    expect(stdout).toContain('新增草稿 2499 条，拒绝 1 行');
    expect(stdout).toContain('第 1235 行');
    const drafts = (await (
      await fetch(`${server.url}api/v1/admin/listings?status=draft`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as {
      total: number;
    };
    expect(drafts.total).toBe(2499);
  });

  it('refuses a wrong token with a zh-CN message and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-import-'));
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'name\n张三\n');
    const failure = await run(
      'npm',
      ['run', '--silent', 'import', '--', '--api', server.url, '--token', 'wrong', file],
      { cwd: REPO },
    ).catch((e: { stderr: string; code: number }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('导入失败');
  });

  it('verifies the audit hash chain of the running portal data', async () => {
    // PGlite allows one process at a time: verify after stopping the server
    await server.stop();
    const { stdout } = await run('npm', ['run', '--silent', 'audit:verify'], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: server.dataDir },
    });
    expect(stdout).toMatch(/审计日志完整：共 \d+ 条记录/);
    server = await startServer({ DEMO_RECORDS: '0', SITE_BUILD: '0', DATA_DIR: server.dataDir });
  });
});
