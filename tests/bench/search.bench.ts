/**
 * Search benchmark: the embedded index (today's and the frozen pre-issue-13 copy, each in its own
 * process) on the standard mix and the broad mix, and a PostgreSQL `ILIKE` baseline on the
 * standard mix, on the same data, at 100k and 1M listings by default.
 *
 *   node tests/bench/search.bench.ts [--sizes 100000,1000000,10000000] [--engines new,baseline]
 *     [--queries 240] [--no-postgres]
 *
 * The engine at 10M needs ~8 GB; `--engines new` leaves the baseline out where memory is short.
 */
import { execFileSync } from 'node:child_process';
import { createIdentifierHasher, type SearchDocument } from '@portal/search';
import postgres from 'postgres';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';
import type { ChildResult } from './search-bench-child.ts';
import { benchDocuments } from './search-bench-data.ts';
import { type EngineName, percentile } from './search-bench-embedded.ts';
import { loadPostgres, timePostgres } from './search-bench-postgres.ts';
import { buildQueryMix } from './search-bench-queries.ts';

export interface SearchBenchOptions {
  sizes?: number[];
  engines?: EngineName[];
  queries?: number;
  postgres?: boolean;
  log?: (line: string) => void;
}

export interface SearchBenchRow {
  size: number;
  engines: ChildResult[];
  postgres?: { loadMs: number; p50: number; p95: number };
}

/** One engine at one size in a child process (so that its RSS is its own). */
function runChild(engine: EngineName, size: number, queries: number): ChildResult {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      // ~1 GB of heap per million listings: beyond V8's default limit from a few million on
      `--max-old-space-size=${Math.max(4096, Math.ceil(size / 1e6) * 1600)}`,
      new URL('./search-bench-child.ts', import.meta.url).pathname,
      '--engine',
      engine,
      '--size',
      String(size),
      '--queries',
      String(queries),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

function table(rows: SearchBenchRow[]) {
  const ms = (v: number) => Number(v.toFixed(v < 10 ? 2 : 0));
  const out: Record<string, string | number>[] = [];
  for (const row of rows) {
    const base = row.engines.find((e) => e.engine === 'baseline');
    for (const e of row.engines) {
      const ratio = (pick: (r: ChildResult) => number) =>
        base && e !== base ? `${(pick(base) / pick(e)).toFixed(1)}×` : '';
      out.push({
        listings: row.size.toLocaleString('en'),
        engine: e.engine,
        'build s': Number((e.buildMs / 1000).toFixed(1)),
        'build cpu s': Number((e.buildCpuMs / 1000).toFixed(1)),
        'RSS MB/M': Math.round(e.rssMb / (row.size / 1e6)),
        'peak RSS MB': e.peakRssMb,
        'std p50': ms(e.standard.p50),
        'std p95': ms(e.standard.p95),
        'std cpu p50': ms(e.standard.cpuP50),
        'std cpu p95': ms(e.standard.cpuP95),
        'broad p50': ms(e.broad.p50),
        'broad p95': ms(e.broad.p95),
        'broad cpu p50': ms(e.broad.cpuP50),
        'broad cpu p95': ms(e.broad.cpuP95),
        'broad p95 gain': ratio((r) => r.broad.p95),
        'broad cpu p95 gain': ratio((r) => r.broad.cpuP95),
        'after-write p95': ms(e.afterWrite.p95),
      });
    }
  }
  return out;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

export async function run(opts: SearchBenchOptions = {}): Promise<SearchBenchRow[]> {
  const { sizes = [100_000, 1_000_000], queries = 240, log = console.log } = opts;
  const engines = opts.engines ?? ['baseline', 'new'];
  const hash = createIdentifierHasher('search-bench-secret-0123456789');
  let cluster: ThrowawayPostgres | undefined;
  if (opts.postgres !== false) {
    try {
      cluster = await startThrowawayPostgres();
    } catch (error) {
      log(`search bench: no PostgreSQL baseline (${(error as Error).message})`);
    }
  }
  const sql = cluster ? postgres(cluster.url, { max: 1, onnotice: () => {} }) : undefined;
  const rows: SearchBenchRow[] = [];
  try {
    for (const size of sizes) {
      const row: SearchBenchRow = { size, engines: engines.map((engine) => runChild(engine, size, queries)) };
      for (const e of row.engines)
        log(
          `search ${size.toLocaleString('en')} docs · ${e.engine}: build ${(e.buildMs / 1000).toFixed(1)} s, RSS +${e.rssMb} MB, standard p50 ${fmt(e.standard.p50)} / p95 ${fmt(e.standard.p95)} ms, broad p50 ${fmt(e.broad.p50)} / p95 ${fmt(e.broad.p95)} ms`,
        );
      if (sql) {
        const sample: SearchDocument[] = [];
        let i = 0;
        for (const doc of benchDocuments(size, hash))
          if (i++ % 97 === 0 && sample.length < 20_000) sample.push(doc);
        const mix = buildQueryMix(sample, queries);
        const loadMs = await loadPostgres(sql, benchDocuments(size, hash));
        const pgTimes = await timePostgres(sql, mix);
        row.postgres = { loadMs, p50: percentile(pgTimes, 50), p95: percentile(pgTimes, 95) };
        const p = row.postgres;
        const e = row.engines.find((r) => r.engine === 'new') ?? row.engines[0]!;
        log(
          `search ${size.toLocaleString('en')} docs · PostgreSQL ILIKE: load ${(p.loadMs / 1000).toFixed(1)} s, p50 ${fmt(p.p50)} ms, p95 ${fmt(p.p95)} ms → embedded is ${(p.p50 / e.standard.p50).toFixed(0)}× faster at p50, ${(p.p95 / e.standard.p95).toFixed(0)}× at p95 (standard mix)`,
        );
      }
      rows.push(row);
      for (const e of row.engines) log(`search-bench-json ${JSON.stringify(e)}`);
    }
  } finally {
    await sql?.end();
    await cluster?.stop();
  }
  log(
    '\nEmbedded search, in-process, every answer computed (targets at 1M: broad p95 ≤ 10 ms; at 10M: build ≤ 300 s, RSS ≤ 8 GB, standard p95 ≤ 30 ms, broad p95 ≤ 50 ms)',
  );
  console.table(table(rows));
  return rows;
}

function parseArgs(argv: string[]): SearchBenchOptions {
  const opts: SearchBenchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes')
      opts.sizes = (argv[++i] ?? '')
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
    else if (arg === '--queries') opts.queries = Number(argv[++i]);
    else if (arg === '--engines') opts.engines = (argv[++i] ?? '').split(',') as EngineName[];
    else if (arg === '--no-postgres') opts.postgres = false;
  }
  return opts;
}

if (import.meta.main) await run(parseArgs(process.argv.slice(2)));
