import type { FacetCounts } from '../search-index.ts';
import { type Columns, KIND_CODES } from './columns.ts';
import {
  CATEGORY_BIT,
  COURT_BIT,
  type FilterCodes,
  KIND_BIT,
  LIVELIHOOD_BIT,
  REGION_BIT,
  toRecord,
} from './search-pass.ts';

/**
 * What a broad term costs once per read-model version instead of once per query: its exact match
 * set and a histogram of that set over filter-value combinations. Every later query for the term,
 * whatever its filters, sort or page, gets its total and facets from the histogram (a few hundred
 * combinations) and its page from a walk that stops when the page is full.
 */
export interface TermEntry {
  /** live matching slots, ascending; `null` = every live slot (browse without text) */
  matches: Uint32Array | null;
  size: number;
  /** combo id → matches carrying it */
  histogram: Uint32Array;
  /** bit per slot, set for matches (built on first need) */
  bitmap?: Uint32Array;
  /** matches in relevance order (built on first need) */
  ranked?: Uint32Array;
}

export function termEntry(columns: Columns, matches: Uint32Array | null): TermEntry {
  const histogram = new Uint32Array(columns.combos.size);
  const combo = columns.combo;
  let size = 0;
  if (matches === null) {
    const alive = columns.alive;
    for (let slot = 0; slot < columns.length; slot++)
      if (alive[slot] === 1) {
        histogram[combo[slot]!]!++;
        size++;
      }
  } else {
    for (let i = 0; i < matches.length; i++) histogram[combo[matches[i]!]!]!++;
    size = matches.length;
  }
  return { matches, size, histogram };
}

/** Bytes an entry holds (for the cache budget). */
export function entryBytes(entry: TermEntry): number {
  return (
    (entry.matches?.byteLength ?? 0) +
    entry.histogram.byteLength +
    (entry.bitmap?.byteLength ?? 0) +
    (entry.ranked?.byteLength ?? 0)
  );
}

export function bitmapOf(entry: TermEntry, slotCount: number): Uint32Array {
  if (entry.bitmap) return entry.bitmap;
  const bitmap = new Uint32Array((slotCount + 31) >>> 5);
  const m = entry.matches!;
  for (let i = 0; i < m.length; i++) {
    const slot = m[i]!;
    bitmap[slot >>> 5]! |= 1 << (slot & 31);
  }
  entry.bitmap = bitmap;
  return bitmap;
}

/**
 * Total, disjunctive facets (same rules as `runSearchPass`) and, per combo id, whether a listing
 * with that combination passes every filter — all from the histogram.
 */
export function countFromHistogram(entry: TermEntry, columns: Columns, codes: FilterCodes) {
  const combos = columns.combos;
  const passes = new Uint8Array(combos.size);
  const kindCounts = new Uint32Array(KIND_CODES.length);
  const categoryCounts = new Uint32Array(7);
  const regionCounts = new Uint32Array(columns.regions.size);
  const courtCounts = new Uint32Array(columns.courts.size);
  const { kind, category, region, court, livelihood } = codes;
  let total = 0;
  const h = entry.histogram;
  for (let id = 0; id < h.length; id++) {
    const n = h[id]!;
    if (n === 0) continue;
    let failed = 0;
    if (kind >= 0 && combos.kind[id] !== kind) failed |= KIND_BIT;
    if (category >= 0 && combos.category[id] !== category) failed |= CATEGORY_BIT;
    if (region >= 0 && combos.region[id] !== region) failed |= REGION_BIT;
    if (court >= 0 && combos.court[id] !== court) failed |= COURT_BIT;
    if (livelihood >= 0 && combos.livelihood[id] !== livelihood) failed |= LIVELIHOOD_BIT;
    if (failed === 0) {
      passes[id] = 1;
      total += n;
      kindCounts[combos.kind[id]!]! += n;
      categoryCounts[combos.category[id]!]! += n;
      regionCounts[combos.region[id]!]! += n;
      courtCounts[combos.court[id]!]! += n;
    } else if (failed === KIND_BIT) kindCounts[combos.kind[id]!]! += n;
    else if (failed === CATEGORY_BIT) categoryCounts[combos.category[id]!]! += n;
    else if (failed === REGION_BIT) regionCounts[combos.region[id]!]! += n;
    else if (failed === COURT_BIT) courtCounts[combos.court[id]!]! += n;
  }
  const facets: FacetCounts = {
    category: toRecord(categoryCounts, (i) => String(i)),
    region: toRecord(regionCounts, (i) => columns.regions.values[i]!),
    kind: toRecord(kindCounts, (i) => KIND_CODES[i]!),
    court: toRecord(courtCounts, (i) => columns.courts.values[i]!),
  };
  return { total, facets, passes };
}
