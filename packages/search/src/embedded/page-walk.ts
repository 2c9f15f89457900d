import type { ResolvedQuery } from '../query.ts';
import type { Columns } from './columns.ts';
import { matchTier } from './match-tier.ts';
import { filterCodes, type PassResult, topByFloor } from './search-pass.ts';
import { type SortOrders, walkMarked } from './sort-orders.ts';
import { bitmapOf, countFromHistogram, type TermEntry, wantsTermOrders } from './term-entry.ts';
import { termOrderOnceDue, walkTermOrder } from './term-orders.ts';
import { TopK } from './top-k.ts';
import type { WriteLog } from './write-log.ts';

/** What a walk reads besides the term entry (which must be synced with the log). */
export interface WalkStore {
  columns: Columns;
  haystacks: string[];
  idOf: (slot: number) => string;
  /** ids ascend with slots (see `PassStore`) */
  idsAscend: boolean;
  orders: SortOrders;
  log: WriteLog;
  /** see `EmbeddedSearchIndexOptions.termOrderRent` */
  termOrderRent: number;
}

/**
 * A query on a broad term: total and facets from the term's histogram, then the page. Relevance
 * with text walks the term's ranked base matches; the other orders walk the index-wide sort order,
 * keeping term matches that pass the filters; both merge in the matches written since the base
 * (sorted on the spot: they are few) and stop once offset + pageSize slots are found — unless the
 * filtered matches are so sparse in that order that a top-k pass over the term's matches is
 * cheaper (estimated from the exact filtered total).
 */
export function walkPage(store: WalkStore, entry: TermEntry, query: ResolvedQuery): PassResult {
  const c = store.columns;
  const { total, facets, passes } = countFromHistogram(entry, c, filterCodes(c, query.filters));
  const need = query.offset + query.pageSize;
  if (total === 0 || query.offset >= total) return { total, facets, slots: [] };
  const combo = c.combo;
  const dirty = store.log.dirtyMarks;
  const found: number[] = [];
  const text = entry.text;

  const byOrder = comparatorFor(store, query, text);
  const delta = [...entry.delta].filter((slot) => passes[combo[slot]!] === 1).sort(byOrder);
  let d = 0;
  /** base slot `slot` (already known to match and pass) comes next in the order */
  const take = (slot: number): boolean => {
    while (d < delta.length && found.length < need && byOrder(delta[d]!, slot) < 0) found.push(delta[d++]!);
    if (found.length < need) found.push(slot);
    return found.length < need;
  };
  const finish = (): PassResult => {
    while (d < delta.length && found.length < need) found.push(delta[d++]!);
    return { total, facets, slots: found.slice(query.offset) };
  };

  if (query.sort === 'relevance' && text !== '') {
    if (entry.ranked === undefined && entry.tiers !== undefined && !entry.rankDeferred) {
      // tiers known (digit tokens, a prepared word): the first relevance page is a top-k over them,
      // the second sorts the whole match set (a term asked twice is likely asked again). Unknown
      // tiers are ranked at once: a first keystroke is asked again and again, and a top-k would
      // only move the reading of every haystack to its second relevance page
      entry.rankDeferred = true;
      return { total, facets, slots: topOfMatches(store, entry, passes, text, need).slice(query.offset) };
    }
    entry.ranked ??= rankByRelevance(store, entry);
    const ranked = entry.ranked;
    for (let i = 0; i < ranked.length && found.length < need; i++) {
      const slot = ranked[i]!;
      if (passes[combo[slot]!] === 1 && dirty[slot] !== 1 && !take(slot)) break;
    }
    return finish();
  }

  const base = entry.base;
  const fromBase = (): PassResult => {
    found.length = 0;
    d = 0;
    for (const slot of topOfBase(store, base!, passes, query, need)) if (!take(slot)) break;
    return finish();
  };
  const byAmount = query.sort === 'amount:asc' || query.sort === 'amount:desc';
  // listedAt:desc, and relevance without text (newest first), walk descending
  const descending = query.sort !== 'amount:asc' && query.sort !== 'listedAt:asc';
  /** slots written since the base (null: none was) */
  const written = store.log.length > 0 ? dirty : null;
  const live = store.orders.byAmount.length + delta.length;
  const walkCost = (need * live) / total;
  if (wantsTermOrders(entry, c.length)) {
    // a broad term: walk its own matches in the order (never more than the top-k pass reads) —
    // once the pages served without it have paid for cutting it (rent, then buy: at most twice
    // the cost of knowing in advance, and a term asked a few times never pays for the cut)
    const withoutIt = Math.min(walkCost * WALK_STEP_COST, base!.length);
    const rent = store.termOrderRent * store.orders.byAmount.length;
    const name = byAmount ? 'byAmount' : 'byListedDay';
    const order = termOrderOnceDue(entry, store.orders, name, c.length, written, withoutIt, rent);
    if (order !== undefined) {
      walkTermOrder(order, descending, passes, written, take);
      return finish();
    }
  }
  if (base !== null && walkCost * WALK_STEP_COST > base.length) return fromBase();

  // The estimate assumes the matches spread evenly over the order; when they gather at its far
  // end (livelihood cases owe small amounts: 王 + 涉民生 + one court, by amount descending) the
  // walk would read most of the index. It stops once it cost what the top-k pass costs, and
  // that pass answers instead: a page never costs more than twice the pass.
  let budget = base === null ? Number.POSITIVE_INFINITY : base.length / WALK_STEP_COST;
  const bitmap = base === null ? null : bitmapOf(entry, c.length);
  const visit = (slot: number, comboId: number): boolean => {
    if (--budget < 0) return false;
    if (
      passes[comboId] === 1 &&
      (written === null || written[slot] !== 1) &&
      (bitmap === null || (bitmap[slot >>> 5]! & (1 << (slot & 31))) !== 0)
    )
      return take(slot);
    return true;
  };
  walkMarked(byAmount ? store.orders.amount : store.orders.listedDay, descending, visit);
  return budget < 0 && found.length < need ? fromBase() : finish();
}

/**
 * What reading one entry of a sort order costs against reading one slot of a term's base list:
 * the order visits slots in amount or date order (a cache miss each for its match bit and, after
 * writes, its written mark; the combination comes with the order), the base list in slot order.
 */
const WALK_STEP_COST = 4;

/** The order of the query as a comparator of slots (ties by id), for the few written slots. */
function comparatorFor(
  store: WalkStore,
  query: ResolvedQuery,
  text: string,
): (a: number, b: number) => number {
  const { columns: c, idOf } = store;
  const byId = (a: number, b: number) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
  switch (query.sort) {
    case 'amount:asc':
      return (a, b) => c.amount[a]! - c.amount[b]! || byId(a, b);
    case 'amount:desc':
      return (a, b) => c.amount[b]! - c.amount[a]! || byId(a, b);
    case 'listedAt:asc':
      return (a, b) => c.listedDay[a]! - c.listedDay[b]! || byId(a, b);
    default: {
      if (query.sort !== 'relevance' || text === '')
        return (a, b) => c.listedDay[b]! - c.listedDay[a]! || byId(a, b);
      const key = (slot: number) => tierOf(store, text, slot) * 65536 + c.nameLength[slot]!;
      return (a, b) => key(a) - key(b) || byId(a, b);
    }
  }
}

/**
 * The term's matches that pass the filters (base ones unchanged since, with their known `tiers`,
 * and the delta, whose tiers are read), by relevance.
 */
function topOfMatches(
  store: WalkStore,
  entry: TermEntry,
  passes: Uint8Array,
  text: string,
  need: number,
): number[] {
  const { combo } = store.columns;
  const dirty = store.log.dirtyMarks;
  const base = entry.base ?? [];
  const known = entry.tiers!;
  const slots = new Uint32Array(base.length + entry.delta.size);
  const tiers = new Uint8Array(slots.length);
  let n = 0;
  for (let i = 0; i < base.length; i++) {
    const slot = base[i]!;
    if (passes[combo[slot]!] !== 1 || dirty[slot] === 1) continue;
    tiers[n] = known[i]!;
    slots[n++] = slot;
  }
  for (const slot of entry.delta) {
    if (passes[combo[slot]!] !== 1) continue;
    tiers[n] = tierOf(store, text, slot);
    slots[n++] = slot;
  }
  const top = new TopK(need, store.idOf);
  // `topByFloor` wants ascending slots: the delta's come after the base's
  const order = ascending(slots.subarray(0, n), tiers.subarray(0, n));
  topByFloor(store, order.slots, text, top, order.tiers);
  return top.sorted();
}

/** `slots` sorted ascending, with `tiers` kept alongside (as is when already ascending). */
function ascending(slots: Uint32Array, tiers: Uint8Array) {
  let sorted = true;
  for (let i = 1; i < slots.length && sorted; i++) sorted = slots[i - 1]! < slots[i]!;
  if (sorted) return { slots, tiers };
  const index = Array.from(slots.keys()).sort((a, b) => slots[a]! - slots[b]!);
  return {
    slots: Uint32Array.from(index, (i) => slots[i]!),
    tiers: Uint8Array.from(index, (i) => tiers[i]!),
  };
}

function topOfBase(
  store: WalkStore,
  base: Uint32Array,
  passes: Uint8Array,
  query: ResolvedQuery,
  need: number,
): number[] {
  const c = store.columns;
  const dirty = store.log.dirtyMarks;
  const top = new TopK(need, store.idOf);
  const sign = query.sort === 'amount:desc' || query.sort === 'listedAt:desc' ? -1 : 1;
  const key: ArrayLike<number> = query.sort.startsWith('amount') ? c.amount : c.listedDay;
  for (let i = 0; i < base.length; i++) {
    const slot = base[i]!;
    if (passes[c.combo[slot]!] === 1 && dirty[slot] !== 1) top.offer(sign * key[slot]!, slot);
  }
  return top.sorted();
}

/** Relevance tier of a slot that matches `text` (see `matchTier`). */
function tierOf(store: WalkStore, text: string, slot: number): number {
  return matchTier(store.haystacks[slot]!, text, store.columns.nameLength[slot]!);
}

/**
 * The term's base matches by (tier, name length, id). A large match set is bucketed by tier along
 * the index-wide (name length, id) order; a small one is sorted directly. Tiers come from the
 * entry when building it found them, else from searching each haystack.
 */
function rankByRelevance(store: WalkStore, entry: TermEntry): Uint32Array {
  const { columns: c, orders } = store;
  const text = entry.text;
  const base = entry.base!;
  const known = entry.tiers;
  entry.tiers = undefined; // served its purpose: the ranked order replaces it
  const tierAt = (i: number, slot: number) => (known ? known[i]! : tierOf(store, text, slot));
  if (base.length * 16 < orders.byNameLength.length) {
    // (tier, name length, id rank) packed into one exact double: 2 + 16 + 32 bits < 53
    const keys = new Float64Array(base.length);
    for (let i = 0; i < base.length; i++) {
      const slot = base[i]!;
      keys[i] = (tierAt(i, slot) * 65536 + c.nameLength[slot]!) * 2 ** 32 + orders.idRank[slot]!;
    }
    keys.sort();
    const ranked = new Uint32Array(base.length);
    for (let i = 0; i < keys.length; i++) ranked[i] = orders.byId[keys[i]! % 2 ** 32]!;
    return ranked;
  }
  // tier + 1 per slot (0: not a match), then one walk along the (name length, id) order
  const tierBySlot = new Uint8Array(c.length);
  for (let i = 0; i < base.length; i++) tierBySlot[base[i]!] = tierAt(i, base[i]!) + 1;
  const tiers: number[][] = [[], [], [], []];
  const order = orders.byNameLength;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i]!;
    const t = tierBySlot[slot]!;
    if (t !== 0) tiers[t - 1]!.push(slot);
  }
  const ranked = new Uint32Array(tiers.reduce((n, t) => n + t.length, 0));
  let at = 0;
  for (const tier of tiers) {
    ranked.set(tier, at);
    at += tier.length;
  }
  return ranked;
}
