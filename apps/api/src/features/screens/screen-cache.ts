import type { PublicListing } from '@portal/domain';
import { boardSlidePlan, livelihoodSlidePlan, type Orientation } from '@portal/graphics';
import type { SearchFilters, SearchIndex } from '@portal/search';

/** The most listings a rotating board cycles through (the rest are reachable by search). */
export const MAX_BOARD_LISTINGS = 300;

export interface BoardKey {
  court?: string;
  region?: string;
  orientation: Orientation;
  livelihood?: boolean;
}

/**
 * Board plans and rendered PNGs, cached until the read model changes. `invalidate()` runs from
 * the publisher right after the index changed, so a removed listing is never drawn again: the
 * next request re-plans from the index, and board.json and board.png share that one plan.
 */
export function createScreenCache(search: SearchIndex) {
  let generation = 0;
  const plans = new Map<string, Promise<ReturnType<typeof boardSlidePlan>>>();
  const images = new Map<string, { generation: number; png: Promise<Buffer> }>();

  async function loadListings(key: BoardKey): Promise<PublicListing[]> {
    const filters: SearchFilters = {
      ...(key.court ? { court: key.court } : {}),
      ...(key.region ? { region: key.region } : {}),
      ...(key.livelihood ? { livelihood: true } : {}),
    };
    const out: PublicListing[] = [];
    for (let page = 1; out.length < MAX_BOARD_LISTINGS; page++) {
      const res = await search.search({ q: '', filters, sort: 'listedAt:desc', page, pageSize: 50 });
      out.push(...res.hits);
      if (res.hits.length < 50 || out.length >= res.total) break;
    }
    return out.slice(0, MAX_BOARD_LISTINGS);
  }

  return {
    plan(key: BoardKey) {
      const id = JSON.stringify(key);
      let plan = plans.get(id);
      if (!plan) {
        const opts = { orientation: key.orientation };
        plan = loadListings(key).then((l) =>
          key.livelihood ? livelihoodSlidePlan(l, opts) : boardSlidePlan(l, opts),
        );
        plans.set(id, plan);
        plan.catch(() => plans.delete(id));
      }
      return plan;
    },
    /** Memoises one rendered image per key for the current generation of the read model. */
    image(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
      const hit = images.get(key);
      if (hit && hit.generation === generation) return hit.png;
      const png = render();
      images.set(key, { generation, png });
      png.catch(() => images.delete(key));
      if (images.size > 500) images.delete(images.keys().next().value as string);
      return png;
    },
    invalidate() {
      generation++;
      plans.clear();
      images.clear();
    },
  };
}

export type ScreenCache = ReturnType<typeof createScreenCache>;
