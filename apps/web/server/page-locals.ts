import type { PublicListing } from '@portal/domain';

/** Public figures shown on the home and statistics pages (CONTRACT.md `Stats`). */
export interface SiteStats {
  listed: number;
  removed: number;
  livelihood: number;
  byCategory: Record<string, number>;
  byRegion?: Record<string, number>;
  /** true when any listing counted is synthetic demo data (the page then says 演示数据) */
  demo?: boolean;
}

/**
 * What the server hands an on-demand page (`Astro.locals`): only public read-model data, already
 * filtered by the visibility rule. `generatedAt` is when the data was read (ISO).
 */
export type PageLocals =
  | { page: 'listing'; generatedAt: string; listing: PublicListing }
  | {
      page: 'home';
      generatedAt: string;
      latest: PublicListing[];
      livelihood: PublicListing[];
      hasDemo: boolean;
      stats: SiteStats;
    }
  | { page: 'stats'; generatedAt: string; stats: SiteStats };
