/**
 * Serialized public search answers, kept until the read model changes. People search the same
 * names over and over (a surname typed into an instant search box); answering those from memory
 * keeps the engine free for the rest. `invalidate()` runs from the publisher right after the
 * index changed, and an answer computed across a change is never stored, so a removed listing is
 * never served from here. Answers are kept as the UTF-8 bytes sent: a string answer would be
 * encoded again for every request it serves.
 */
export interface SearchCache {
  get(key: string): Buffer | undefined;
  /** Stores `compute()`'s answer unless the read model changed while it ran. */
  getOrCompute(key: string, compute: () => Promise<Buffer>): Promise<Buffer>;
  invalidate(): void;
}

/**
 * `scope()` is part of every key: the China date, so that an answer computed yesterday never shows
 * a listing whose term ended at midnight (the visibility rule is checked when answers are computed).
 */
export function createSearchCache(maxEntries = 5000, scope: () => string = () => ''): SearchCache {
  let generation = 0;
  let entries = new Map<string, Buffer>();
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
    },
  };
}
