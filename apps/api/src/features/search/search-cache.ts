/**
 * Serialized public search answers, kept until the read model changes. People search the same
 * names over and over (a surname typed into an instant search box); answering those from memory
 * keeps the engine free for the rest. `invalidate()` runs from the publisher right after the
 * index changed, and an answer computed across a change is never stored, so a removed listing is
 * never served from here. Answers are kept as the UTF-8 bytes sent: a string answer would be
 * encoded again for every request it serves.
 *
 * It also keeps each listing's JSON bytes as a hit (`listingJson`), so that an answer computed for
 * another page, sort or page size of the same first keystroke is assembled from bytes already made
 * instead of serializing and encoding every hit again (search-answer.ts). Those are bounded (the
 * broad mix shows ~70k distinct listings; a byte copy of every listing of a 1M index cost more in
 * garbage collection than it saved, tests/bench/http-search.bench.ts) and dropped with the answers.
 */
export interface SearchCache {
  get(key: string): Buffer | undefined;
  /** Stores `compute()`'s answer unless the read model changed while it ran. */
  getOrCompute(key: string, compute: () => Promise<Buffer>): Promise<Buffer>;
  invalidate(): void;
  /** Bumped by every `invalidate()`: read it before the search whose hits go to `listingJson`. */
  generation(): number;
  /**
   * `hit` as UTF-8 JSON (`JSON.stringify(hit)`), kept by listing id while the read model is still
   * at `generation`; a hit read before a change is encoded but not kept.
   */
  listingJson(hit: { id: string }, generation: number): Buffer;
}

/**
 * `scope()` is part of every key: the China date, so that an answer computed yesterday never shows
 * a listing whose term ended at midnight (the visibility rule is checked when answers are computed).
 */
export function createSearchCache(
  maxEntries = 5000,
  scope: () => string = () => '',
  maxListings = 100_000,
): SearchCache {
  let generation = 0;
  let entries = new Map<string, Buffer>();
  let listings = new Map<string, Buffer>();
  return {
    get: (key) => entries.get(`${scope()}|${key}`),
    async getOrCompute(unscopedKey, compute) {
      const key = `${scope()}|${unscopedKey}`;
      const hit = entries.get(key);
      if (hit !== undefined) {
        // refresh recency: Map keeps insertion order, so the oldest entry is evicted first
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const startedAt = generation;
      const value = await compute();
      if (generation === startedAt) {
        entries.set(key, value);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return value;
    },
    invalidate() {
      generation++;
      entries = new Map();
      listings = new Map();
    },
    generation: () => generation,
    listingJson(hit, startedAt) {
      const kept = listings.get(hit.id);
      if (kept !== undefined && startedAt === generation) return kept;
      const bytes = Buffer.from(JSON.stringify(hit));
      if (startedAt === generation) {
        listings.set(hit.id, bytes);
        // the oldest first: a bound, not a recency order (refreshing would cost every hit a move)
        if (listings.size > maxListings) listings.delete(listings.keys().next().value as string);
      }
      return bytes;
    },
  };
}
