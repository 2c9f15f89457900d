/**
 * Search benchmark: the embedded index against a PostgreSQL `ILIKE` baseline on the same data and
 * the same fixed query mix, at 100k and 1M listings by default.
 *
 *   node --expose-gc tests/bench/search.bench.ts [--sizes 100000,1000000] [--queries 240] [--no-postgres]
 *
 * `--expose-gc` makes the memory figures settle; without it they are rougher.
 */
import { createIdentifierHasher } from '@portal/search';
import postgres from 'postgres';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';
import { benchDocuments } from './search-bench-data.ts';
import { buildEmbedded, percentile, timeEmbedded } from './search-bench-embedded.ts';
import { loadPostgres, timePostgres } from './search-bench-postgres.ts';
import { buildQueryMix } from './search-bench-queries.ts';

export interface SearchBenchOptions {
  sizes?: number[];
  queries?: number;
  postgres?: boolean;
  log?: (line: string) => void;
}

export interface SearchBenchRow {
  size: number;
  embedded: { buildMs: number; rssMb: number; heapMb: number; p50: number; p95: number };
  postgres?: { loadMs: number; p50: number; p95: number };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

export async function run(opts: SearchBenchOptions = {}): Promise<SearchBenchRow[]> {
  const { sizes = [100_000, 1_000_000], queries = 240, log = console.log } = opts;
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
      const built = await buildEmbedded(benchDocuments(size, hash), hash);
      const mix = buildQueryMix(built.sample, queries);
      const times = await timeEmbedded(built.index, mix);
      const row: SearchBenchRow = {
        size,
        embedded: {
          buildMs: built.buildMs,
          rssMb: built.rssMb,
          heapMb: built.heapMb,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
        },
      };
      const e = row.embedded;
      log(
        `search ${size.toLocaleString('en')} docs · embedded: build ${(e.buildMs / 1000).toFixed(1)} s, RSS +${e.rssMb} MB (heap+buffers +${e.heapMb} MB), p50 ${fmt(e.p50)} ms, p95 ${fmt(e.p95)} ms over ${mix.length} queries`,
      );
      await built.index.close();
      if (sql) {
        const loadMs = await loadPostgres(sql, benchDocuments(size, hash));
        const pgTimes = await timePostgres(sql, mix);
        row.postgres = { loadMs, p50: percentile(pgTimes, 50), p95: percentile(pgTimes, 95) };
        const p = row.postgres;
        log(
          `search ${size.toLocaleString('en')} docs · PostgreSQL ILIKE: load ${(p.loadMs / 1000).toFixed(1)} s, p50 ${fmt(p.p50)} ms, p95 ${fmt(p.p95)} ms → embedded is ${(p.p50 / e.p50).toFixed(0)}× faster at p50, ${(p.p95 / e.p95).toFixed(0)}× at p95`,
        );
      }
      rows.push(row);
    }
  } finally {
    await sql?.end();
    await cluster?.stop();
  }
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
    else if (arg === '--no-postgres') opts.postgres = false;
  }
  return opts;
}

if (import.meta.main) await run(parseArgs(process.argv.slice(2)));
