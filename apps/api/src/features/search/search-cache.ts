import { createListingPieces, encodeAnswer } from './answer-bytes.ts';

/** A search answer before it is written: `hits` are plain listing objects. */
export type SearchAnswer = { hits: { id: string }[] } & Record<string, unknown>;

/**
 * Serialized public search answers (UTF-8 JSON bytes, as sent), kept until the read model changes.
 * People search the same names over and over (a surname typed into an instant search box);
 * answering those from memory keeps the engine free for the rest. `invalidate()` runs from the
 * publisher right after the index changed, and an answer computed across a change is never
 * stored, so a removed listing is never served from here. The bytes of each listing shown are
 * kept on the same terms (answer-bytes.ts), so that a computed answer is mostly assembled.
 */
export interface SearchCache {
  get(key: string): Buffer | undefined;
  /**
   * Stores `compute()`'s answer unless the read model changed while it ran. `compute` turns its
   * answer into bytes with `encode`, which reuses the listings' bytes of the current read model
   * (and none once it changed while the query ran).
   */
  getOrCompute(
    key: string,
    compute: (encode: (answer: SearchAnswer) => Buffer) => Promise<Buffer>,
  ): Promise<Buffer>;
  invalidate(): void;
}

/**
 * `scope()` is part of every key: the China date, so that an answer computed yesterday never shows
 * a listing whose term ended at midnight (the visibility rule is checked when answers are computed).
 * `maxListings`: how many listings' bytes are kept (~0.7 KB each).
 */
export function createSearchCache(
  maxEntries = 5000,
  scope: () => string = () => '',
  maxListings = 50_000,
): SearchCache {
  let generation = 0;
  let entries = new Map<string, Buffer>();
  const pieces = createListingPieces(maxListings);
  let piecesScope = '';
  return {
    get: (key) => entries.get(`${scope()}|${key}`),
    async getOrCompute(unscopedKey, compute) {
      const today = scope();
      const key = `${today}|${unscopedKey}`;
      const hit = entries.get(key);
      if (hit !== undefined) {
        // refresh recency: Map keeps insertion order, so the oldest entry is evicted first
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      if (today !== piecesScope) {
        pieces.clear();
        piecesScope = today;
      }
      const startedAt = generation;
      const value = await compute((answer) =>
        generation === startedAt ? encodeAnswer(answer, pieces, true) : Buffer.from(JSON.stringify(answer)),
      );
      if (generation === startedAt) {
        entries.set(key, value);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return value;
    },
    invalidate() {
      generation++;
      entries = new Map();
      pieces.clear();
    },
  };
}
