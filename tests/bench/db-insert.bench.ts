/**
 * Benchmark: inserting generated listings in batches (the `bulkInsert` path of `insertListings`) on
 * PGlite (in memory and on disk) and on a throwaway PostgreSQL 15 (fsync off). Prints rows/s overall
 * (generation included) and of the median batch (the INSERT alone), side by side.
 *
 *   node tests/bench/db-insert.bench.ts [rows=100000] [batch=1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bulkInsert,
  courts,
  createDatabase,
  createIdNumberVault,
  type DatabaseHandle,
  executionUnits,
  listings,
  type NewListingRow,
  toNewListingRow,
} from '@portal/db';
import { generateDemoListings, generateDemoOrgStructure } from '@portal/demo-data';
import { findPostgresBinDir, startThrowawayPostgres } from '../support/throwaway-postgres.ts';

export interface DbInsertResult {
  backend: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  medianBatchRowsPerSecond: number;
  rssMb: number;
}

const TODAY = '2026-11-27';
// ID numbers are encrypted at rest, so the benchmark pays for AES-GCM and the keyed hash like production
const vault = createIdNumberVault({
  secrets: ['bench-id-number-key-0123456789'],
  hashSecret: 'bench-id-number-hash-key-01',
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

async function insertAll(backend: string, handle: DatabaseHandle, rows: number, batchSize: number) {
  const { db } = handle;
  const org = generateDemoOrgStructure();
  await db.insert(courts).values(org.courts);
  await db.insert(executionUnits).values(org.units);
  const batchSeconds: number[] = [];
  let batch: NewListingRow[] = [];
  const started = performance.now();
  for (const draft of generateDemoListings({ count: rows, seed: 1, today: TODAY })) {
    batch.push(toNewListingRow(draft, { status: 'published', today: TODAY, vault }));
    if (batch.length === batchSize) {
      const t = performance.now();
      await bulkInsert(db, listings, batch);
      batchSeconds.push((performance.now() - t) / 1000);
      batch = [];
    }
  }
  if (batch.length > 0) await bulkInsert(db, listings, batch);
  const seconds = (performance.now() - started) / 1000;
  const stored = await db.$count(listings);
  if (stored !== rows) throw new Error(`${backend}: expected ${rows} rows, found ${stored}`);
  return {
    backend,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    medianBatchRowsPerSecond: batchSize / median(batchSeconds),
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}

/** Measures how fast the demo generator streams records (no database). */
export function generatorRate(count = 200_000): number {
  const started = performance.now();
  let chars = 0;
  for (const d of generateDemoListings({ count, seed: 1, today: TODAY })) chars += d.name.length;
  if (chars === 0) throw new Error('generator produced nothing');
  return count / ((performance.now() - started) / 1000);
}

export async function run(opts: { rows?: number; batchSize?: number; log?: (line: string) => void } = {}) {
  const rows = opts.rows ?? 100_000;
  const batchSize = opts.batchSize ?? 1000;
  const log = opts.log ?? ((line: string) => console.log(line));
  const results: DbInsertResult[] = [];
  log(`db-insert: ${rows.toLocaleString('en')} listings, batches of ${batchSize}`);
  log(`  demo generator alone: ${Math.round(generatorRate()).toLocaleString('en')} records/s`);

  const memory = await createDatabase({ memory: true });
  try {
    results.push(await insertAll('PGlite (memory)', memory, rows, batchSize));
  } finally {
    await memory.close();
  }

  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-pglite-'));
  const disk = await createDatabase({ dataDir: dir });
  try {
    results.push(await insertAll('PGlite (disk)', disk, rows, batchSize));
  } finally {
    await disk.close();
    rmSync(dir, { recursive: true, force: true });
  }

  if (findPostgresBinDir()) {
    const server = await startThrowawayPostgres();
    try {
      const pg = await createDatabase({ databaseUrl: server.url });
      try {
        results.push(await insertAll('PostgreSQL 15 (fsync off)', pg, rows, batchSize));
      } finally {
        await pg.close();
      }
    } finally {
      await server.stop();
    }
  } else {
    log('  PostgreSQL binaries not found: PostgreSQL skipped');
  }

  log(formatTable(results));
  return results;
}

/** rows/s measured in the spike (SEARCH-AND-GRAPHICS-NOTES.md, drizzle `.values()` inserts) */
const BASELINE_ROWS_PER_SECOND: Record<string, number> = {
  'PGlite (memory)': 6_800,
  'PostgreSQL 15 (fsync off)': 6_150,
};

function formatTable(results: DbInsertResult[]): string {
  const header = [
    'backend',
    'rows/s',
    'median batch rows/s',
    'baseline rows/s',
    'ratio',
    'seconds',
    'RSS MB',
  ];
  const lines = results.map((r) => {
    const baseline = BASELINE_ROWS_PER_SECOND[r.backend];
    return [
      r.backend,
      Math.round(r.rowsPerSecond).toLocaleString('en'),
      Math.round(r.medianBatchRowsPerSecond).toLocaleString('en'),
      baseline ? baseline.toLocaleString('en') : '—',
      baseline ? `${(r.rowsPerSecond / baseline).toFixed(2)}×` : '—',
      r.seconds.toFixed(1),
      Math.round(r.rssMb).toLocaleString('en'),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

if (import.meta.main) {
  const [rows, batch] = process.argv.slice(2).map(Number);
  await run({ rows: rows || undefined, batchSize: batch || undefined });
}
