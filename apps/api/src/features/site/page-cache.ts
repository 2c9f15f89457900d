/**
 * Rendered on-demand pages (listing pages, home, stats), kept until the read model changes: the
 * change feed drops a listing's page when that listing changes in any process, and the pages
 * built from many listings (home, stats) on every change. A page rendered across a change is not
 * stored, so a removed listing is never served from here.
 */
export interface CachedPage {
  status: number;
  /** the site keeps the UTF-8 bytes it sends */
  body: string | Uint8Array<ArrayBuffer>;
}

export interface PageCache {
  getOrRender(key: string, render: () => Promise<CachedPage>): Promise<CachedPage>;
  /** Drops these listings' pages and the aggregate pages. */
  dropListings(ids: readonly string[]): void;
  invalidate(): void;
  size(): number;
}

export const listingPageKey = (id: string) => `listing:${id}`;

export function createPageCache(maxEntries = 20_000): PageCache {
  let generation = 0;
  const entries = new Map<string, CachedPage>();
  const dropAggregates = () => {
    for (const key of entries.keys()) if (!key.startsWith('listing:')) entries.delete(key);
  };
  return {
    async getOrRender(key, render) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const startedAt = generation;
      const page = await render();
      if (generation === startedAt && page.status === 200) {
        entries.set(key, page);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return page;
    },
    dropListings(ids) {
      generation++;
      for (const id of ids) entries.delete(listingPageKey(id));
      dropAggregates();
    },
    invalidate() {
      generation++;
      entries.clear();
    },
    size: () => entries.size,
  };
}
