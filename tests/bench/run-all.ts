/**
 * `npm run bench`: every benchmark in sequence, each printing its own table (figures side by side
 * with its baseline and the ratio). `--only name` runs one: db, search, http, graphics, tips, site.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
});
const quick = values.quick ?? false;

const benches: Record<string, () => Promise<unknown>> = {
  db: async () => (await import('./db-insert.bench.ts')).run(quick ? { rows: 20_000 } : {}),
  search: async () => (await import('./search.bench.ts')).run(quick ? { sizes: [100_000] } : {}),
  http: async () => (await import('./http-search.bench.ts')).run(quick ? { seconds: 5 } : {}),
  graphics: async () => (await import('./graphics.bench.ts')).run(),
  tips: async () => (await import('./tips.bench.ts')).run(quick ? { seconds: 5, delaySamples: 30 } : {}),
  // the full static site build (target: 10k listing pages in ≤ 20 s); it prints one JSON line
  site: async () => {
    const { execFileSync } = await import('node:child_process');
    const count = quick ? '2000' : '10000';
    execFileSync(process.execPath, ['apps/web/scripts/bench-build.ts', '--count', count], {
      stdio: 'inherit',
    });
  },
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
