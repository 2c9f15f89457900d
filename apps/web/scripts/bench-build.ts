/**
 * Full site build with a synthetic snapshot of N listings (default 10,000), timed.
 *
 *   node apps/web/scripts/bench-build.ts --count 10000
 *
 * Prints one JSON line: listings, pages, build seconds, pages per second.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './build-site.ts';
import { makeSiteSnapshot, writeSnapshot } from './make-fixture.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'web-bench-'));
try {
  const dataFile = join(dir, 'site-data.json');
  const outDir = join(dir, 'dist');
  writeSnapshot(dataFile, makeSiteSnapshot({ count, seed: 10_000 }));
  const ms = await buildSite(dataFile, outDir);
  const pages = readdirSync(join(outDir, 'listings')).length;
  console.log(
    JSON.stringify({
      bench: 'site-build',
      listings: count,
      listingPages: pages,
      seconds: Number((ms / 1000).toFixed(2)),
      pagesPerSecond: Math.round(pages / (ms / 1000)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
