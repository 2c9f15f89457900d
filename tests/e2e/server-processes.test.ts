/**
 * `PORTAL_PROCESSES=2 npm start` on a throwaway PostgreSQL: two server processes share the port and
 * both answer, a change made through the port is seen in search by both within 2 s, a process that
 * dies is replaced, and a stop (of the process group, or of the primary alone) ends every process.
 * Without DATABASE_URL the mode is refused with its code before anything is opened.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personDraft, staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const serverUrl = process.env.TEST_DATABASE_URL || inject('testDatabaseUrl');
const TOKEN = 'e2e-server-processes-token-0123456789';

/** The server's node processes on `dataDir`: the primary and its workers (with their slot). */
function serverProcesses(dataDir: string): { pid: number; slot: number }[] {
  const found: { pid: number; slot: number }[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const env = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
      // node itself (not the `sh -c` npm runs it with)
      if (
        !argv[0]?.endsWith('node') ||
        !argv.some((a) => a.endsWith('apps/api/src/main.ts')) ||
        !env.includes(`DATA_DIR=${dataDir}`)
      )
        continue;
      if (/\) [ZX] /.test(readFileSync(`/proc/${name}/stat`, 'utf8'))) continue;
      const slot = env.find((e) => e.startsWith('PORTAL_PROCESS_SLOT='))?.split('=')[1];
      found.push({ pid: Number(name), slot: Number(slot ?? 0) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Which process holds the server end of the loopback connection from `clientPort` to `serverPort`. */
function ownerOfConnection(pids: number[], serverPort: number, clientPort: number): number | undefined {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const line = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[1]?.endsWith(`:${hex(serverPort)}`) && f[2]?.endsWith(`:${hex(clientPort)}`));
  const inode = line?.[9];
  if (!inode) return undefined;
  return pids.find((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
}

/** GET on one kept-alive connection: the status, the body and the connection's local port. */
function get(agent: Agent, url: string): Promise<{ status: number; body: string; localPort: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          localPort: res.socket?.localPort ?? req.socket!.localPort!,
        }),
      );
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.end();
  });
}

async function until<T>(ms: number, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const isRunning = (pid: number) => {
  try {
    return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('PORTAL_PROCESSES without PostgreSQL', () => {
  it('is refused with its code, and nothing is opened in DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-procs-pglite-'));
    const failure = await startServer(
      { DATA_DIR: dataDir, PORTAL_PROCESSES: '2', DEMO_RECORDS: '0', SITE_BUILD: '0' },
      60_000,
    ).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toContain('启动失败');
    expect(failure).toContain('PROCESSES_NEED_POSTGRES');
    expect(failure).toContain('DATABASE_URL');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });
});

describe.skipIf(!serverUrl)('two server processes behind one port (PORTAL_PROCESSES=2)', () => {
  let server: RunningServer;
  let admin: postgres.Sql;
  let dbName: string;
  let dataDir: string;

  beforeAll(async () => {
    dbName = `procs_${randomBytes(6).toString('hex')}`;
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${dbName}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    dataDir = mkdtempSync(join(tmpdir(), 'portal-procs-'));
    server = await startServer({
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      PORTAL_PROCESSES: '2',
      DEMO_RECORDS: '50',
      SITE_BUILD: '0',
      STAFF_BOOTSTRAP_TOKEN: TOKEN,
      RATE_LIMIT_PER_MIN: '0',
      LOG_LEVEL: 'info',
    });
  });

  /** The server's JSON log lines with message `msg`. */
  const logLines = (msg: string) =>
    server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes(`"msg":"${msg}"`))
      .map((l) => JSON.parse(l) as { process?: number });

  afterAll(async () => {
    await server?.stop();
    await admin?.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin?.end();
  });

  /** One kept-alive connection to each worker, found by asking /proc who holds its server end. */
  async function connectionPerWorker(): Promise<Map<number, Agent>> {
    const workers = serverProcesses(dataDir).filter((p) => p.slot > 0);
    const port = Number(new URL(server.url).port);
    const byWorker = new Map<number, Agent>();
    for (let i = 0; i < 8 && byWorker.size < workers.length; i++) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const { status, localPort } = await get(agent, `${server.url}api/v1/search?q=`);
      expect(status).toBe(200);
      const owner = ownerOfConnection(
        workers.map((w) => w.pid),
        port,
        localPort,
      );
      const slot = workers.find((w) => w.pid === owner)?.slot;
      if (slot !== undefined && !byWorker.has(slot)) byWorker.set(slot, agent);
      else agent.destroy();
    }
    return byWorker;
  }

  it('runs a primary and two workers; both answer on the one port, with the security headers', async () => {
    const processes = serverProcesses(dataDir);
    expect(processes.map((p) => p.slot).sort()).toEqual([0, 1, 2]);
    expect(server.output()).toContain('（2 个进程）');
    const byWorker = await connectionPerWorker();
    expect([...byWorker.keys()].sort()).toEqual([1, 2]);
    for (const agent of byWorker.values()) {
      const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
        request(`${server.url}api/v1/search?q=%E7%AC%A6`, { agent }, resolve).on('error', reject).end(),
      );
      res.resume();
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      agent.destroy();
    }
  });

  it('process 2 starts once process 1 answers, each with its own index', async () => {
    // from process 1's snapshot or from the database
    const indexed = [
      ...logLines('search index loaded from snapshot'),
      ...logLines('search index rebuilt from the database'),
    ].map((l) => l.process);
    expect(indexed.sort()).toEqual([1, 2]);
  });

  it('a listing published through the port is found by both processes within 2 s', async () => {
    const byWorker = await connectionPerWorker();
    expect(byWorker.size).toBe(2);
    const name = '符两进程';
    const id = await staffApi(server.url, TOKEN).createPublished(personDraft(301, { name }));
    const path = `${server.url}api/v1/search?q=${encodeURIComponent(name)}`;
    const delays = await Promise.all(
      [...byWorker.values()].map(async (agent) => {
        const started = performance.now();
        await until(2000, async () => ((await get(agent, path)).body.includes(id) ? true : undefined));
        return performance.now() - started;
      }),
    );
    for (const agent of byWorker.values()) agent.destroy();
    console.info(
      `[server-processes] published → found by each process: ${delays.map((d) => d.toFixed(0)).join(', ')} ms`,
    );
  });

  it('a process that dies is replaced in its slot; the port answers meanwhile', async () => {
    const before = serverProcesses(dataDir);
    const victim = before.find((p) => p.slot === 2)!;
    process.kill(victim.pid, 'SIGKILL');
    // (a connection handed to it in the moment before the primary heard of its death is lost)
    await until(10_000, () => (server.output().includes('进程 2 意外退出') ? true : undefined));
    // the other process keeps answering new connections while the replacement starts (those the
    // dead one held were reset)
    for (let i = 0; i < 5; i++) {
      const fresh = new Agent({ keepAlive: false });
      expect((await get(fresh, `${server.url}api/v1/search?q=`)).status).toBe(200);
    }
    const replacement = await until(60_000, () =>
      serverProcesses(dataDir).find((p) => p.slot === 2 && p.pid !== victim.pid),
    );
    await until(60_000, () => (server.output().includes('进程 2 已重新启动') ? true : undefined));
    expect(isRunning(replacement.pid)).toBe(true);
    expect((await connectionPerWorker()).size).toBe(2);
  });

  it('SIGTERM to the primary alone ends every process', async () => {
    const processes = serverProcesses(dataDir);
    const primary = processes.find((p) => p.slot === 0)!;
    process.kill(primary.pid, 'SIGTERM');
    await until(15_000, () => (processes.every((p) => !isRunning(p.pid)) ? true : undefined));
    // both had changes to keep (the listing published above); one writer of the shared snapshot
    const written = logLines('search index snapshot written') as { process?: number; reason?: string }[];
    expect(written.some((l) => l.reason === 'shutdown')).toBe(true);
    expect(written.every((l) => l.process === 1)).toBe(true);
  });

  it('server processes whose primary was killed (SIGKILL) stop by themselves', async () => {
    const again = await startServer({
      DATABASE_URL: (() => {
        const url = new URL(serverUrl);
        url.pathname = `/${dbName}`;
        return url.toString();
      })(),
      DATA_DIR: dataDir,
      PORTAL_PROCESSES: '2',
      DEMO_RECORDS: '0',
      SITE_BUILD: '0',
      RATE_LIMIT_PER_MIN: '0',
    });
    try {
      const processes = serverProcesses(dataDir);
      expect(processes).toHaveLength(3);
      process.kill(processes.find((p) => p.slot === 0)!.pid, 'SIGKILL');
      await until(15_000, () => (processes.every((p) => !isRunning(p.pid)) ? true : undefined));
    } finally {
      await again.stop();
    }
  });
});
