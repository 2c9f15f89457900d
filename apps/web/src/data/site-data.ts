import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PublicListing } from '@portal/domain';
import { siteSnapshotSchema } from './snapshot-schema.ts';

export interface SiteStats {
  listed: number;
  removed: number;
  livelihood: number;
  byCategory: Record<string, number>;
  byRegion?: Record<string, number>;
  /** true when any listing counted is synthetic demo data (the page then says 演示数据) */
  demo?: boolean;
}

export interface SiteData {
  generatedAt: string;
  listings: PublicListing[];
  stats: SiteStats;
}

let cached: SiteData | undefined;

/**
 * The build's data snapshot, read once per build from `SITE_DATA_FILE` (relative paths resolve
 * against the working directory) and validated.
 */
export function loadSiteData(): SiteData {
  if (cached) return cached;
  const file = process.env.SITE_DATA_FILE;
  if (!file) {
    throw new Error(
      'SITE_DATA_FILE is not set. Point it at a site snapshot, e.g. `node apps/web/scripts/make-fixture.ts --out /tmp/site-data.json`.',
    );
  }
  const raw: unknown = JSON.parse(readFileSync(resolve(process.cwd(), file), 'utf8'));
  const parsed = siteSnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`SITE_DATA_FILE ${file} is invalid at ${first?.path.join('.')}: ${first?.message}`);
  }
  cached = parsed.data as SiteData;
  return cached;
}

/** Listings newest first (listing date, then id for a stable order). */
export function newestFirst(listings: readonly PublicListing[]): PublicListing[] {
  return [...listings].sort((a, b) => b.listedAt.localeCompare(a.listedAt) || a.id.localeCompare(b.id));
}
