import type { Columns } from './columns.ts';
import { comboFailures, type FilterCodes, tallyCombos } from './combo-tally.ts';
import { matchTier } from './match-tier.ts';
import type { Candidates } from './search-pass.ts';
import type { TermOrder } from './term-orders.ts';
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
  /** relevance tier of each `base` slot, when known from building `base` (dropped once ranked) */
  tiers?: Uint8Array;
  /**
   * a relevance page was served from the known `tiers` without `ranked` (`topByFloor`); the next
   * one ranks the whole base (a term asked twice with relevance is likely asked again)
   */
  rankDeferred?: boolean;
  /** `base` in the index's amount and listing-day orders (term-orders.ts; broad terms, once due) */
  orders?: { byAmount?: TermOrder; byListedDay?: TermOrder };
  /** per order not cut yet: what the pages served without it cost so far (term-orders.ts) */
  orderRentPaid?: { byAmount: number; byListedDay: number };
}

/** `base`: live matches (or `null` for every live slot); slots written since the base are left out. */
export function termEntry(
  text: string,
  columns: Columns,
  log: WriteLog,
  base: Uint32Array | null,
  tiers?: Uint8Array,
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
    if (log.length > 0) {
      kept = base.filter((slot) => dirty[slot] !== 1);
      tiers = tiers?.filter((_, i) => dirty[base[i]!] !== 1);
    }
    for (let i = 0; i < kept!.length; i++) histogram[combo[kept![i]!]!]!++;
  }
  const entry: TermEntry = {
    text,
    base: kept,
    histogram,
    madeAt: log.length,
    seen: 0,
    delta: new Set(),
    left: new Set(),
  };
  if (tiers) entry.tiers = tiers;
  return entry;
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

/**
 * Bytes an entry holds, counting the bitmap, ranked copy and sort orders it may build (for the
 * cache budget; the orders only for a term broad enough to get them, see term-orders.ts).
 */
export function entryBytes(entry: TermEntry, slotCount: number): number {
  const base = entry.base?.byteLength ?? 0;
  // two term orders: slots, combination ids (2 or 4 bytes each) and a bit per slot
  const orders = wantsTermOrders(entry, slotCount) ? 2 * (2 * base + base / 32) : 0;
  return (
    2 * base +
    orders +
    (entry.tiers?.byteLength ?? 0) +
    entry.histogram.byteLength +
    (entry.base ? slotCount / 8 : 0)
  );
}

/**
 * A term earns its own sort orders (term-orders.ts) when it matches at least 1/64 of the index's
 * slots (reading the index's order to cut them then costs less than sorting its matches would)
 * and less than a quarter: a page of a term that broad reads at most 4× as many entries along the
 * index's order as along its own, so its own would buy little for their memory.
 */
export function wantsTermOrders(entry: TermEntry, slotCount: number): boolean {
  return entry.base !== null && entry.base.length * 64 >= slotCount && entry.base.length * 4 < slotCount;
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
  let h = entry.histogram;
  if (entry.delta.size > 0 || h.length < columns.combos.size) {
    h = new Uint32Array(columns.combos.size);
    h.set(entry.histogram);
    for (const slot of entry.delta) h[columns.combo[slot]!]!++;
  }
  const failures = comboFailures(columns.combos, codes);
  const { total, facets } = tallyCombos(h, failures, columns);
  const passes = new Uint8Array(failures.length);
  for (let id = 0; id < failures.length; id++) passes[id] = failures[id] === 0 ? 1 : 0;
  return { total, facets, passes };
}

/**
 * Live slots whose haystack contains `text`, with each one's relevance tier when the re-check
 * found its position anyway (so ranking the term does not search every haystack a second time).
 * A posting list of one or two code units is already exact (lists hold live slots only).
 */
export function exactMatches(
  columns: Columns,
  haystacks: readonly string[],
  candidates: Candidates,
  text: string,
): { base: Uint32Array; tiers?: Uint8Array } {
  if (candidates !== 'all' && text.length <= 2) return { base: candidates.slice() };
  const n = candidates === 'all' ? columns.length : candidates.length;
  let base = new Uint32Array(Math.min(n, 1024));
  let tiers = new Uint8Array(base.length);
  let found = 0;
  const { alive, nameLength } = columns;
  for (let i = 0; i < n; i++) {
    const slot = candidates === 'all' ? i : candidates[i]!;
    if (alive[slot] !== 1) continue;
    const tier = matchTier(haystacks[slot]!, text, nameLength[slot]!);
    if (tier < 0) continue;
    if (found === base.length) {
      const size = Math.min(n, base.length * 2);
      const grownBase = new Uint32Array(size);
      grownBase.set(base);
      base = grownBase;
      const grownTiers = new Uint8Array(size);
      grownTiers.set(tiers);
      tiers = grownTiers;
    }
    base[found] = slot;
    tiers[found++] = tier;
  }
  return { base: base.slice(0, found), tiers: tiers.slice(0, found) };
}
