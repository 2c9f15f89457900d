/**
 * `npm run bench`: every benchmark in sequence, each printing its own table (figures side by side
 * with its baseline and the ratio). `--only name` runs one: db, search, http, graphics, newspaper, pages, memory, tips.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
});
const quick = values.quick ?? false;

const benches: Record<string, () => Promise<unknown>> = {
  db: async () => (await import('./db-insert.bench.ts')).run(quick ? { rows: 20_000 } : {}),
  search: async () => (await import('./search.bench.ts')).run(quick ? { sizes: [100_000] } : {}),
  // over HTTP against the real server on PostgreSQL at 100k and 1M listings (--quick: 100k, 5 s)
  http: async () =>
    (await import('./http-search.bench.ts')).run(quick ? { sizes: [100_000], seconds: 5 } : {}),
  graphics: async () => (await import('./graphics.bench.ts')).run(),
  newspaper: async () => (await import('./newspaper.bench.ts')).run(),
  // listing pages on demand at 100k and 1M listings on PostgreSQL: ready time and RSS (with the
  // index rebuilt from the database, then from its snapshot), publish →
  // live page, page p95 cold and cached (the 1M run is long: --quick stops at 100k)
  pages: async () => (await import('./listing-pages.bench.ts')).run(quick ? { sizes: [100_000] } : {}),
  // where the server's memory goes at rest with the demo data (target ≤ 300 MB RSS)
  memory: async () => (await import('./memory-at-rest.bench.ts')).run(),
  tips: async () => (await import('./tips.bench.ts')).run(quick ? { seconds: 5, delaySamples: 30 } : {}),
};

for (const [name, bench] of Object.entries(benches)) {
  if (values.only && values.only !== name) continue;
  console.log(`\n######## ${name} ########`);
  try {
    await bench();
  } catch (error) {
    console.error(`bench ${name} failed:`, error);
    process.exitCode = 1;
  }
}
