/**
 * What the benchmarks that run the real server at scale share (listing pages, HTTP search): a
 * throwaway PostgreSQL database filled with N published demo listings written straight into the
 * tables (seeding 1M through the server's demo path takes far too long), the keys the server must
 * be given to read those rows, and the server process's RSS and CPU time read from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  bulkInsert,
  courts,
  createDatabase,
  createIdNumberVault,
  executionUnits,
  listings,
  type NewListingRow,
  toNewListingRow,
} from '@portal/db';
import { generateDemoListings, generateDemoOrgStructure } from '@portal/demo-data';
import { todayInChina } from '@portal/domain';
import postgres from 'postgres';
import { type RunningServer, startServer } from '../support/start-server.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';

const ID_NUMBER_KEY = 'bench-pages-id-number-key-0123456789';
const IDENTIFIER_KEY = 'bench-pages-identifier-key-0123456789';
/** Given to the server, so that it reads the rows `fillListings` sealed (no re-encryption at start). */
export const BENCH_KEYS = { ID_NUMBER_KEYS: ID_NUMBER_KEY, IDENTIFIER_HMAC_KEY: IDENTIFIER_KEY };
const vault = createIdNumberVault({
  secrets: [ID_NUMBER_KEY],
  hashSecret: `listing-id-number:${IDENTIFIER_KEY}`,
});

export const MB = (bytes: number) => Math.round(bytes / 1048576);

/**
 * Writes `count` published demo listings (and the demo courts and units) into the database at
 * `databaseUrl`, migrating it first. `seed` makes a second call add other listings on top.
 */
export async function fillListings(databaseUrl: string, count: number, seed: number): Promise<void> {
  const handle = await createDatabase({ databaseUrl });
  const today = todayInChina();
  const org = generateDemoOrgStructure();
  await handle.db.insert(courts).values(org.courts).onConflictDoNothing();
  await handle.db.insert(executionUnits).values(org.units).onConflictDoNothing();
  let batch: NewListingRow[] = [];
  for (const draft of generateDemoListings({ count, seed, today })) {
    batch.push(toNewListingRow(draft, { status: 'published', today, vault }));
    if (batch.length === 2000) {
      await bulkInsert(handle.db, listings, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await bulkInsert(handle.db, listings, batch);
  await handle.close();
}

/**
 * A throwaway cluster with one empty database `name` in it; `grow(size)` fills it up to `size`
 * listings (100k, then the next 900k on top: the 1M fill happens once).
 */
export async function benchDatabase(name: string): Promise<{
  pg: ThrowawayPostgres;
  url: string;
  grow(size: number): Promise<number>;
}> {
  const pg = await startThrowawayPostgres();
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(pg.url);
  u.pathname = `/${name}`;
  const url = u.toString();
  let filled = 0;
  return {
    pg,
    url,
    /** Adds listings up to `size`; returns the seconds it took. */
    async grow(size: number) {
      const t = performance.now();
      if (size > filled) await fillListings(url, size - filled, 7 + filled);
      filled = Math.max(filled, size);
      return (performance.now() - t) / 1000;
    },
  };
}

/**
 * `npm start` on `databaseUrl` with no demo seed and the bench keys; `env` adds to it, `cwd` starts
 * another checkout (a baseline).
 */
export function startOnDatabase(
  databaseUrl: string,
  dataDir: string,
  env: Record<string, string> = {},
  cwd?: string,
): Promise<RunningServer> {
  return startServer(
    { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DEMO_RECORDS: '0', ...BENCH_KEYS, ...env },
    900_000,
    ...(cwd ? [cwd] : []),
  );
}

/**
 * The node processes serving `dataDir` (not npm's, not the `sh -c` running it): one, or with
 * PORTAL_PROCESSES=N the primary and its N workers.
 */
export function serverPids(dataDir: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (
        argv[0]?.endsWith('node') &&
        argv.some((a) => a.endsWith('apps/api/src/main.ts')) &&
        env.includes(`DATA_DIR=${dataDir}`)
      )
        pids.push(Number(pid));
    } catch {
      // gone
    }
  }
  return pids;
}

/** The node process serving `dataDir` (the primary when there are several), or undefined. */
export function serverPid(dataDir: string): number | undefined {
  return serverPids(dataDir)[0];
}

const rssOf = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};

/** RSS of each node process serving `dataDir` (primary first, then the workers). */
export function serverRssEach(dataDir: string): number[] {
  return serverPids(dataDir)
    .sort((a, b) => a - b)
    .map(rssOf);
}

/** RSS of the node processes serving `dataDir`, summed. */
export function serverRss(dataDir: string): number {
  return serverRssEach(dataDir).reduce((a, b) => a + b, 0);
}

/**
 * CPU time (user + system, ms) the process, or the processes, have used: what a request costs the
 * server whatever the machine's load, which the latency percentiles include (scheduling delays).
 */
export function cpuMs(pid: number | number[] | undefined): number {
  if (pid === undefined) return Number.NaN;
  if (Array.isArray(pid)) return pid.length ? pid.reduce((sum, p) => sum + cpuMs(p), 0) : Number.NaN;
  let fields: string[] = [];
  try {
    fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  } catch {
    return Number.NaN;
  }
  // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
