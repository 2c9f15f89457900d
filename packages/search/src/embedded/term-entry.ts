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
import type { WriteLog } from './write-log.ts';

/**
 * What a broad term costs once per base (see `WriteLog`) instead of once per query: its exact
 * match set among the slots unchanged since the base, and a histogram of that set over
 * filter-value combinations. Every query for the term, whatever its filters, sort or page, gets
 * its total and facets from the histogram (a few hundred combinations) plus the few matches
 * written since, and its page from a walk that stops when the page is full.
 */
export interface TermEntry {
  /** normalised text ('' = browse) */
  text: string;
  /** base matches, ascending, without slots written before the entry was made; `null` = every base slot */
  base: Uint32Array | null;
  /** base matches minus those written since (kept current by `syncEntry`), per combo id */
  histogram: Uint32Array;
  /** log length when the entry was made: slots first written from there on were in `base` if they matched */
  madeAt: number;
  /** how much of the write log `delta` and `histogram` reflect */
  seen: number;
  /** slots written since the base that match now */
  delta: Set<number>;
  /** base matches written since the entry was made (already taken off the histogram) */
  left: Set<number>;
  /** bit per slot, set for `base` (built on first need) */
  bitmap?: Uint32Array;
  /** `base` in relevance order (built on first need) */
  ranked?: Uint32Array;
}

/** `base`: live matches (or `null` for every live slot); slots written since the base are left out. */
export function termEntry(
  text: string,
  columns: Columns,
  log: WriteLog,
  base: Uint32Array | null,
): TermEntry {
  const histogram = new Uint32Array(columns.combos.size);
  const combo = columns.combo;
  const dirty = log.dirtyMarks;
  let kept = base;
  if (base === null) {
    const alive = columns.alive;
    for (let slot = 0; slot < columns.length; slot++)
      if (alive[slot] === 1 && dirty[slot] !== 1) histogram[combo[slot]!]!++;
  } else {
    if (log.length > 0) kept = base.filter((slot) => dirty[slot] !== 1);
    for (let i = 0; i < kept!.length; i++) histogram[combo[kept![i]!]!]!++;
  }
  return { text, base: kept, histogram, madeAt: log.length, seen: 0, delta: new Set(), left: new Set() };
}

/**
 * Brings the entry up to the end of the write log: base matches written since leave the
 * histogram (with their base combination), and every written slot is re-checked for the delta.
 */
export function syncEntry(entry: TermEntry, columns: Columns, haystacks: string[], log: WriteLog): void {
  for (let i = entry.seen; i < log.length; i++) {
    const slot = log.slots[i]!;
    if (!entry.left.has(slot) && log.firstWriteOf(slot) >= entry.madeAt && inBase(entry, log, slot)) {
      entry.left.add(slot);
      entry.histogram[log.baseComboOf(slot)]!--;
    }
    const matches = columns.alive[slot] === 1 && (entry.text === '' || haystacks[slot]!.includes(entry.text));
    if (matches) entry.delta.add(slot);
    else entry.delta.delete(slot);
  }
  entry.seen = log.length;
}

function inBase(entry: TermEntry, log: WriteLog, slot: number): boolean {
  if (entry.base === null) return log.baseComboOf(slot) >= 0;
  if (entry.bitmap) return (entry.bitmap[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  const b = entry.base;
  let lo = 0;
  let hi = b.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (b[mid] === slot) return true;
    if (b[mid]! < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Bytes an entry holds, counting the bitmap and ranked copy it may build (for the cache budget). */
export function entryBytes(entry: TermEntry, slotCount: number): number {
  const base = entry.base?.byteLength ?? 0;
  return 2 * base + entry.histogram.byteLength + (entry.base ? slotCount / 8 : 0);
}

export function bitmapOf(entry: TermEntry, slotCount: number): Uint32Array {
  if (entry.bitmap) return entry.bitmap; // base slots all predate it
  const bitmap = new Uint32Array((slotCount + 31) >>> 5);
  const m = entry.base!;
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
  let h = entry.histogram;
  if (entry.delta.size > 0 || h.length < combos.size) {
    h = new Uint32Array(combos.size);
    h.set(entry.histogram);
    for (const slot of entry.delta) h[columns.combo[slot]!]!++;
  }
  const passes = new Uint8Array(combos.size);
  const kindCounts = new Uint32Array(KIND_CODES.length);
  const categoryCounts = new Uint32Array(7);
  const regionCounts = new Uint32Array(columns.regions.size);
  const courtCounts = new Uint32Array(columns.courts.size);
  const { kind, category, region, court, livelihood } = codes;
  let total = 0;
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
