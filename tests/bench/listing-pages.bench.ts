/**
 * Listing pages at scale, on a throwaway PostgreSQL with N published listings written straight
 * into the database: `npm start` to ready (and its RSS) twice — with the full rebuild of the
 * embedded index (no snapshot in DATA_DIR) and from the snapshot that first start wrote —, publish
 * → live listing page, and the p95 of listing-page responses, cold (first render) and cached.
 * Targets: ready ≤ 60 s and ≤ 2 GB RSS at 1M, page live ≤ 2 s, cached page p95 ≤ 5 ms.
 * The latency percentiles include the machine's scheduling delays; the server's CPU time per
 * cached page does not.
 *
 * 2026-11-30, run with nice -n 10 on 2 cores shared with other work (load average 6.4–6.8):
 * cached page p50 0.24 / p95 2.14 / p99 5.54 ms at 100k, 0.26 / 1.2 / 3.49 ms at 1M, 170–180 µs
 * of server CPU per cached page (before keeping pages as bytes and skipping the GET body check:
 * p95 7.75–12.85 ms at 100k under heavier load, 4.95 ms at 1M, ~220 µs of CPU at 100k). Cold page
 * p95 8.0 ms at 100k, 5.0 ms at 1M. Publish → live page 29–76 ms at 100k, 37–544 ms at 1M.
 * Ready from the snapshot 2.6 s (266 MB) at 100k, 15.8 s (1,116 MB) at 1M; with the full rebuild
 * 11.6 s (384 MB) and 96.4 s (1,365 MB): UNFINISHED only when no snapshot can be used (first start
 * on an existing database, a changed identifier key), where the 60 s target is not met at 1M.
 *
 *   nice -n 10 node tests/bench/listing-pages.bench.ts [--sizes 100000,1000000]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { personDraft, staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';
import { benchDatabase, cpuMs, BENCH_KEYS as KEYS, MB, serverPid, serverRss } from './bench-database.ts';

const TOKEN = 'bench-listing-pages-token-0123456789';

function get(agent: Agent, base: URL, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: base.hostname, port: base.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end();
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

const SNAPSHOT = 'search-index.snapshot';

/** `npm start` until it prints its URL: seconds and the server's RSS at that moment. */
async function timedStart(databaseUrl: string, dataDir: string) {
  const started = performance.now();
  const server: RunningServer = await startServer(
    {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DEMO_RECORDS: '0',
      STAFF_BOOTSTRAP_TOKEN: TOKEN,
      RATE_LIMIT_PER_MIN: '0',
      LOG_LEVEL: 'info', // the start-up line says where the time went
      ...KEYS,
    },
    900_000,
  );
  const readySeconds = (performance.now() - started) / 1000;
  return { server, readySeconds, rss: serverRss(dataDir), startup: startupLine(server.output()) };
}

/** The server's log line about how the index came up (load and sync ms, or the rebuild's). */
function startupLine(output: string): Record<string, unknown> {
  for (const line of output.split('\n')) {
    if (!line.includes('search index loaded from snapshot') && !line.includes('search index rebuilt'))
      continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // not a JSON line
    }
  }
  return {};
}

/** Waits for the snapshot a start with a rebuild writes in the background (seconds, MB). */
async function awaitSnapshot(dataDir: string, since: number) {
  const path = join(dataDir, SNAPSHOT);
  const started = performance.now();
  while (!existsSync(path) || statSync(path).mtimeMs < since) {
    if (performance.now() - started > 600_000) throw new Error('no snapshot written');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { seconds: (performance.now() - started) / 1000, mb: MB(statSync(path).size) };
}

async function measure(size: number, databaseUrl: string, dataDir: string) {
  // 1. no snapshot: the full rebuild from PostgreSQL; it writes a snapshot after start
  rmSync(join(dataDir, SNAPSHOT), { force: true });
  const since = Date.now();
  const rebuild = await timedStart(databaseUrl, dataDir);
  const written = await awaitSnapshot(dataDir, since);
  await rebuild.server.stop();
  // 2. from that snapshot (load, catch up from the change feed, reconcile by version)
  const { server, readySeconds, rss: rssReady, startup } = await timedStart(databaseUrl, dataDir);
  console.log(`rebuild: ${JSON.stringify(rebuild.startup)}\nfrom snapshot: ${JSON.stringify(startup)}`);
  try {
    const base = new URL(server.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const ids = (
      await sql`select id from listings where status = 'published' order by random() limit 1000`
    ).map((r) => r.id as string);
    await sql.end();
    const cold: number[] = [];
    for (const id of ids) {
      const r = await get(agent, base, `/listings/${id}/`);
      if (r.status !== 200) throw new Error(`listing ${id}: ${r.status}`);
      cold.push(r.ms);
    }
    const cached: number[] = [];
    const pid = serverPid(dataDir);
    const cpuBefore = cpuMs(pid);
    for (let round = 0; round < 3; round++) {
      for (const id of ids) cached.push((await get(agent, base, `/listings/${id}/`)).ms);
    }
    const cachedCpuUs = ((cpuMs(pid) - cpuBefore) * 1000) / cached.length;
    cold.sort((a, b) => a - b);
    cached.sort((a, b) => a - b);
    const staff = staffApi(server.url, TOKEN);
    const live: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await staff.call<{ id: string }>(
        'POST',
        '/api/v1/admin/listings',
        personDraft(900 + i + (size % 97)),
      );
      const t = performance.now();
      await staff.call('POST', `/api/v1/admin/listings/${id}/publish`);
      while ((await get(agent, base, `/listings/${id}/`)).status !== 200)
        await new Promise((r) => setTimeout(r, 10));
      live.push(performance.now() - t);
    }
    agent.destroy();
    const rssAfter = serverRss(dataDir);
    return {
      listings: size,
      readyRebuildS: Number(rebuild.readySeconds.toFixed(1)),
      rssRebuildMB: MB(rebuild.rss),
      snapshotWriteS: Number(written.seconds.toFixed(1)),
      snapshotMB: written.mb,
      readySnapshotS: Number(readySeconds.toFixed(1)),
      readyRatio: `${(rebuild.readySeconds / readySeconds).toFixed(1)}×`,
      rssSnapshotMB: MB(rssReady),
      snapshotLoadS: Number((Number(startup.loadMs ?? Number.NaN) / 1000).toFixed(1)),
      snapshotSyncS: Number((Number(startup.syncMs ?? Number.NaN) / 1000).toFixed(1)),
      rssAfterPagesMB: MB(rssAfter),
      coldP50ms: Number(pct(cold, 0.5).toFixed(2)),
      coldP95ms: Number(pct(cold, 0.95).toFixed(2)),
      cachedP50ms: Number(pct(cached, 0.5).toFixed(2)),
      cachedP95ms: Number(pct(cached, 0.95).toFixed(2)),
      cachedP99ms: Number(pct(cached, 0.99).toFixed(2)),
      cachedCpuUsPerPage: Math.round(cachedCpuUs),
      publishToLiveMs: live.map((ms) => Math.round(ms)).join(' / '),
    };
  } finally {
    await server.stop();
  }
}

export async function run(opts: { sizes?: number[] } = {}) {
  const sizes = opts.sizes ?? [100_000, 1_000_000];
  const database = await benchDatabase('bench_pages');
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-pages-'));
  const rows = [];
  try {
    // the first start also builds the site (data-independent, reused afterwards): time it apart
    const t = performance.now();
    const warm = await startServer(
      {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        DEMO_RECORDS: '0',
        STAFF_BOOTSTRAP_TOKEN: TOKEN,
        ...KEYS,
      },
      600_000,
    );
    await warm.stop();
    console.log(
      `first start on an empty database (site build included): ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    let filled = 0;
    for (const size of sizes) {
      // grow one database: 100k, then the next 900k on top (the 1M run happens once)
      const seconds = await database.grow(size);
      console.log(`generated ${size - filled} listings straight into PostgreSQL in ${seconds.toFixed(0)} s`);
      filled = size;
      const row = await measure(size, database.url, dataDir);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  } finally {
    await database.pg.stop();
  }
  console.table(rows);
  return rows;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' } } });
  await run(values.sizes ? { sizes: values.sizes.split(',').map(Number) } : {});
}
