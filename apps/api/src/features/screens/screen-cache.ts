import type { PublicListing } from '@portal/domain';
import type { Orientation } from '@portal/graphics';
// the plan only (no renderer): the renderers load on the first image (graphics-loader.ts)
import { boardSlidePlan, livelihoodSlidePlan } from '@portal/graphics/plan';
import type { SearchFilters, SearchIndex } from '@portal/search';
import { createGraphicsRenderer, type GraphicsRenderer } from './graphics-renderer.ts';

/** The most listings a rotating board cycles through (the rest are reachable by search). */
export const MAX_BOARD_LISTINGS = 300;

export interface BoardKey {
  court?: string;
  region?: string;
  orientation: Orientation;
  livelihood?: boolean;
}

interface ImageEntry {
  generation: number;
  png: Promise<Buffer>;
  /** 0 until the render settles */
  bytes: number;
}

export interface ScreenCacheLimits {
  maxImages: number;
  maxImageBytes: number;
  /** how long the renderer worker stays loaded after the last render */
  rendererIdleMs?: number;
}

/** A board slide PNG is ~0.1–0.4 MB: 32 MB keeps every page of a few boards and the hot cards. */
export const DEFAULT_LIMITS: ScreenCacheLimits = { maxImages: 500, maxImageBytes: 32 * 1024 * 1024 };

/**
 * Board plans and rendered PNGs, cached until the read model changes. `invalidate()` runs from
 * the publisher right after the index changed, so a removed listing is never drawn again: the
 * next request re-plans from the index, and board.json and board.png share that one plan.
 */
export function createScreenCache(search: SearchIndex, limits: ScreenCacheLimits = DEFAULT_LIMITS) {
  let generation = 0;
  const plans = new Map<string, Promise<ReturnType<typeof boardSlidePlan>>>();
  const images = new Map<string, ImageEntry>();
  let imageBytes = 0;
  const renderer: GraphicsRenderer = createGraphicsRenderer(
    limits.rendererIdleMs !== undefined ? { idleMs: limits.rendererIdleMs } : {},
  );

  function forget(key: string) {
    const entry = images.get(key);
    if (!entry) return;
    imageBytes -= entry.bytes;
    images.delete(key);
  }
  function evict() {
    while (images.size > limits.maxImages || (imageBytes > limits.maxImageBytes && images.size > 1)) {
      forget(images.keys().next().value as string);
    }
  }

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
    /** draws PNGs off the main thread; loaded on the first render, unloaded when idle */
    renderer,
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
    /**
     * Memoises one rendered image per key for the current generation of the read model. The
     * store is bounded in entries and in bytes (a share card per listing would otherwise grow
     * with the catalogue), least recently used first out.
     */
    image(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
      const hit = images.get(key);
      if (hit && hit.generation === generation) {
        images.delete(key);
        images.set(key, hit);
        return hit.png;
      }
      if (hit) forget(key);
      const entry: ImageEntry = { generation, png: render(), bytes: 0 };
      images.set(key, entry);
      entry.png.then(
        (png) => {
          if (images.get(key) !== entry) return;
          entry.bytes = png.byteLength;
          imageBytes += png.byteLength;
          evict();
        },
        () => {
          if (images.get(key) === entry) forget(key);
        },
      );
      evict();
      return entry.png;
    },
    /** Entries and bytes held (for tests and the memory bench). */
    imageStats() {
      return { entries: images.size, bytes: imageBytes };
    },
    /** Stops the renderer worker (shutdown). */
    close: () => renderer.close(),
    invalidate() {
      generation++;
      plans.clear();
      images.clear();
      imageBytes = 0;
    },
  };
}

export type ScreenCache = ReturnType<typeof createScreenCache>;
