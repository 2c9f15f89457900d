/**
 * A search answer as the bytes sent (UTF-8 JSON), assembled from per-listing pieces. Writing a
 * page of 20–50 listings as JSON and encoding it to UTF-8 cost about as much server time as the
 * search itself (a third of a broad query's at 100k listings, tests/bench/http-search.bench.ts),
 * and the same listings come back page after page and query after query: each listing's bytes are
 * kept (up to `maxListings`, oldest dropped first) until the read model changes, and an answer is
 * their concatenation plus the small rest (total, page, facets) — byte for byte what
 * `Buffer.from(JSON.stringify(answer))` gives.
 */
export interface ListingPieces {
  /** the bytes of `JSON.stringify(listing)`; kept for later answers only when `keep` */
  bytesOf(listing: { id: string }, keep: boolean): Buffer;
  clear(): void;
  readonly size: number;
}

export function createListingPieces(maxListings: number): ListingPieces {
  let pieces = new Map<string, Buffer>();
  return {
    bytesOf(listing, keep) {
      const kept = pieces.get(listing.id);
      if (kept) return kept;
      const bytes = Buffer.from(JSON.stringify(listing));
      if (keep) {
        pieces.set(listing.id, bytes);
        if (pieces.size > maxListings) pieces.delete(pieces.keys().next().value as string);
      }
      return bytes;
    },
    clear() {
      pieces = new Map();
    },
    get size() {
      return pieces.size;
    },
  };
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('{');
const CLOSE = Buffer.from('}');

/**
 * `Buffer.from(JSON.stringify(answer))`, with every object of `answer.hits` taken from `pieces`
 * (and kept there when `keep`). `answer` is a plain object whose `hits` are plain listing objects.
 */
export function encodeAnswer(
  answer: { hits: { id: string }[] } & Record<string, unknown>,
  pieces: ListingPieces,
  keep: boolean,
): Buffer {
  const parts: Buffer[] = [OPEN];
  const separate = () => {
    if (parts.length > 1) parts.push(COMMA);
  };
  for (const key of Object.keys(answer)) {
    if (key === 'hits') {
      separate();
      parts.push(Buffer.from('"hits":['));
      answer.hits.forEach((hit, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(pieces.bytesOf(hit, keep));
      });
      parts.push(Buffer.from(']'));
      continue;
    }
    const json = JSON.stringify(answer[key]);
    if (json === undefined) continue; // as JSON.stringify leaves out an undefined member
    separate();
    parts.push(Buffer.from(`${JSON.stringify(key)}:${json}`));
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
