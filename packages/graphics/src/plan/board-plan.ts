import type { PublicListing } from '@portal/domain';
import type { Orientation } from '../theme.ts';

/** Rows per slide that stay legible from 3 m: 6 on a 1080-px-high screen, 10 on a vertical one. */
export const DEFAULT_PER_PAGE: Record<Orientation, number> = { landscape: 6, portrait: 10 };

export interface BoardPlanOptions {
  orientation: Orientation;
  /** defaults to {@link DEFAULT_PER_PAGE} for the orientation */
  perPage?: number;
}

export interface BoardPlan {
  /** at least 1: an empty list still has one (empty) slide */
  pages: number;
  /** `slides[p - 1]` is exactly what page `p` draws, in the caller's order */
  slides: PublicListing[][];
}

/**
 * The single source of what each board slide shows. `board.json` must list
 * `slides[page - 1].map((l) => l.id)` and `board.png` must draw the same slice.
 * Keeps the caller's order (e.g. livelihood first, then amount) and drops repeated ids.
 * @example boardSlidePlan(listings, { orientation: 'landscape' }).slides[0]
 */
export function boardSlidePlan(listings: readonly PublicListing[], opts: BoardPlanOptions): BoardPlan {
  const perPage = Math.max(1, Math.floor(opts.perPage ?? DEFAULT_PER_PAGE[opts.orientation]));
  const seen = new Set<string>();
  const unique = listings.filter((l) => !seen.has(l.id) && seen.add(l.id));
  const slides: PublicListing[][] = [];
  for (let i = 0; i < unique.length; i += perPage) slides.push(unique.slice(i, i + perPage));
  if (slides.length === 0) slides.push([]);
  return { pages: slides.length, slides };
}

/** The livelihood slides' plan: only 涉民生 listings, same paging rules. */
export function livelihoodSlidePlan(listings: readonly PublicListing[], opts: BoardPlanOptions): BoardPlan {
  return boardSlidePlan(
    listings.filter((l) => l.livelihood),
    opts,
  );
}
