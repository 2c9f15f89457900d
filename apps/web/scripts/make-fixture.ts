/**
 * Writes a synthetic site snapshot (the shape of `SITE_DATA_FILE`) for development and tests.
 *
 *   node apps/web/scripts/make-fixture.ts --count 200 --seed 7 --out /tmp/site-data.json
 *
 * Without `--out` it writes apps/web/.astro/fixture-site-data.json.
 *
 * Listings come from @portal/demo-data, projected to the public shape; every one is `demo: true`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PublicListing } from '@portal/domain';
import { demoPublicListings } from './demo-public-listings.ts';

/** Inside the git-ignored `.astro/` cache folder of apps/web. */
const DEFAULT_OUT = fileURLToPath(new URL('../.astro/fixture-site-data.json', import.meta.url));

export interface SiteSnapshot {
  generatedAt: string;
  listings: PublicListing[];
  stats: {
    listed: number;
    removed: number;
    livelihood: number;
    byCategory: Record<string, number>;
    byRegion: Record<string, number>;
    /** some listing is synthetic demo data */
    demo: boolean;
  };
}

/** Counts for the statistics the site shows, computed from the published listings. */
export function statsOf(listings: readonly PublicListing[], removed: number): SiteSnapshot['stats'] {
  const byCategory: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  for (const l of listings) {
    byCategory[l.category] = (byCategory[l.category] ?? 0) + 1;
    byRegion[l.region] = (byRegion[l.region] ?? 0) + 1;
  }
  const livelihood = listings.filter((l) => l.livelihood).length;
  const demo = listings.some((l) => l.demo);
  return { listed: listings.length, removed, livelihood, byCategory, byRegion, demo };
}

/**
 * A snapshot of `count` synthetic listings, plus `extra` listings appended as given.
 * @example
 * makeSiteSnapshot({ count: 200, seed: 1 }).listings.length // 200 (fewer if some are past their term)
 */
export function makeSiteSnapshot(opts: {
  count: number;
  seed: number;
  /** reference date for the demo data, default today in China */
  today?: string;
  extra?: PublicListing[];
}): SiteSnapshot {
  const today = opts.today ? { today: opts.today } : {};
  const listings = [
    ...demoPublicListings({ count: opts.count, seed: opts.seed, ...today }),
    ...(opts.extra ?? []),
  ];
  return {
    generatedAt: new Date().toISOString(),
    listings,
    stats: statsOf(listings, Math.round(listings.length * 0.37)),
  };
}

/** Writes a snapshot as JSON, creating the folder. */
export function writeSnapshot(file: string, snapshot: SiteSnapshot): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(snapshot));
}

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: DEFAULT_OUT },
    },
  });
  const out = resolve(process.cwd(), values.out);
  const snapshot = makeSiteSnapshot({ count: Number(values.count), seed: Number(values.seed) });
  writeSnapshot(out, snapshot);
  console.log(`wrote ${snapshot.listings.length} listings to ${out}`);
}

if (import.meta.main) main();
