import type { ResolvedQuery } from '../query.ts';
import type { FacetCounts, SearchFilters } from '../search-index.ts';
import { type Columns, KIND_CODES } from './columns.ts';
import { comboFailures, combosThatCount, type FilterCodes, tallyCombos } from './combo-tally.ts';
import { matchTier, TIER_FLOOR_MAX, tierFloor } from './match-tier.ts';
import { TopK } from './top-k.ts';

/** What a pass reads: the columns, the normalised haystacks and the ids per slot. */
export interface PassStore {
  columns: Columns;
  haystacks: string[];
  idOf: (slot: number) => string;
}

/** Candidates to check: explicit slots, or every slot (browse and scans). */
export type Candidates = Uint32Array | 'all';

export interface PassResult {
  total: number;
  facets: FacetCounts;
  /** the requested page, best first */
  slots: number[];
}

const NO_MATCH = 0x10000; // never equals a Uint16 column value

export function filterCodes(c: Columns, f: SearchFilters): FilterCodes {
  const regionId = f.region === undefined ? -1 : c.regions.find(f.region);
  const courtId = f.court === undefined ? -1 : c.courts.find(f.court);
  return {
    kind: f.kind === undefined ? -1 : KIND_CODES.indexOf(f.kind),
    category: f.category ?? -1,
    region: f.region === undefined ? -1 : regionId >= 0 ? regionId : NO_MATCH,
    court: f.court === undefined ? -1 : courtId >= 0 ? courtId : NO_MATCH,
    livelihood: f.livelihood === undefined ? -1 : f.livelihood ? 1 : 0,
  };
}

/**
 * One pass over the candidates: substring re-check (`text`, normalised; '' = none), filters,
 * facet counts, and the top (offset + pageSize) by the requested order. `exact`: the candidates
 * all contain `text` (a one- or two-code-unit query's own posting list), so the re-check runs
 * only where relevance needs the match position. `live`: the candidates are known to be live
 * listings (posting lists read with the dead slots left out), so no slot's `alive` mark is read.
 *
 * Each candidate costs one read of its filter-value combination (`combo`) before its text: which
 * combinations pass the filters, or count in one facet, is known before the pass, so a candidate
 * that would count nowhere is never re-checked. The pass counts matches per combination and takes
 * totals and disjunctive facets from that histogram (`tallyCombos`). `tiers`: the candidates'
 * relevance tiers when known (exact candidates from digit tokens), so no haystack is read.
 */
export function runSearchPass(
  store: PassStore,
  candidates: Candidates,
  text: string,
  query: ResolvedQuery,
  exact = false,
  live = false,
  tiers?: Uint8Array,
): PassResult {
  const { columns: c, haystacks } = store;
  const failures = comboFailures(c.combos, filterCodes(c, query.filters));
  const counted = combosThatCount(failures);
  const histogram = new Uint32Array(c.combos.size);
  const { combo, nameLength, nameFirst } = c;
  const alive = live && candidates !== 'all' ? undefined : c.alive;
  const top = new TopK(query.offset + query.pageSize, store.idOf);
  const recheck = text !== '' && !exact;
  // relevance with text ranks by where the text sits (`matchTier`), which a re-check finds anyway
  const byTier = text !== '' && query.sort === 'relevance';
  const sortKey = sortKeyOf(query, c);

  if (byTier && !recheck && tiers === undefined && candidates !== 'all' && text.length <= TIER_FLOOR_MAX) {
    rankByFloor(store, candidates, text, alive, failures, counted, histogram, top);
    const { total, facets } = tallyCombos(histogram, failures, c);
    return { total, facets, slots: top.sorted().slice(query.offset) };
  }
  const n = candidates === 'all' ? c.length : candidates.length;
  for (let i = 0; i < n; i++) {
    const slot = candidates === 'all' ? i : candidates[i]!;
    if (alive !== undefined && alive[slot] === 0) continue;
    const id = combo[slot]!;
    if (counted[id] === 0) continue; // fails two filters: whether it matches changes no count
    if (byTier) {
      if (!recheck && failures[id] !== 0) {
        histogram[id]!++; // a known match counted in one facet only: no need to know where it sits
        continue;
      }
      if (!recheck && tiers === undefined) {
        // a known match that cannot reach the page even at its best tier: no need either
        const floor = tierFloor(nameFirst[slot]!, text, nameLength[slot]!) * 65536 + nameLength[slot]!;
        if (floor > top.bound()) {
          histogram[id]!++;
          continue;
        }
      }
      const tier = tiers !== undefined ? tiers[i]! : matchTier(haystacks[slot]!, text, nameLength[slot]!);
      if (tier < 0) continue;
      histogram[id]!++;
      if (failures[id] === 0) top.offer(tier * 65536 + nameLength[slot]!, slot);
      continue;
    }
    if (recheck && !haystacks[slot]!.includes(text)) continue;
    histogram[id]!++;
    if (failures[id] === 0) top.offer(sortKey(slot), slot);
  }
  const { total, facets } = tallyCombos(histogram, failures, c);
  return { total, facets, slots: top.sorted().slice(query.offset) };
}

/**
 * Relevance over known matches (an exact list without tiers): counts every candidate from its
 * combination alone, then ranks those on the page's side of the filters with `topByFloor`.
 */
function rankByFloor(
  store: PassStore,
  candidates: Uint32Array,
  text: string,
  alive: Uint8Array | undefined,
  failures: Uint8Array,
  counted: Uint8Array,
  histogram: Uint32Array,
  top: TopK,
): void {
  const combo = store.columns.combo;
  const onPage = new Uint32Array(candidates.length);
  let m = 0;
  for (let i = 0; i < candidates.length; i++) {
    const slot = candidates[i]!;
    if (alive !== undefined && alive[slot] === 0) continue;
    const id = combo[slot]!;
    if (counted[id] === 0) continue;
    histogram[id]!++;
    if (failures[id] === 0) onPage[m++] = slot; // else counted in one facet, never on the page
  }
  topByFloor(store.columns, store.haystacks, onPage.subarray(0, m), text, top);
}

/** Names longer than this share the last bucket of `topByFloor` (its floor stays a lower bound). */
const LENGTH_CAP = 255;
const BUCKETS = 3 * (LENGTH_CAP + 1);

/**
 * Offers `slots` (listings known to contain `text`, of at most `TIER_FLOOR_MAX` units, that pass
 * the filters) to `top` by relevance, reading haystacks (`matchTier`) in the order of each one's
 * best possible key (`tierFloor`, name length), bucketed, and stopping at the first bucket whose
 * floor is above the page's worst kept key. A common word's matches (装饰: 42k at 3M demo
 * listings) then cost a read of the few hundred with the shortest names, not one per match.
 */
export function topByFloor(
  c: Columns,
  haystacks: string[],
  slots: Uint32Array,
  text: string,
  top: TopK,
): void {
  const { nameLength, nameFirst } = c;
  const n = slots.length;
  const bucketOf = new Uint16Array(n);
  const starts = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!;
    const length = nameLength[slot]!;
    const b = tierFloor(nameFirst[slot]!, text, length) * (LENGTH_CAP + 1) + Math.min(length, LENGTH_CAP);
    bucketOf[i] = b;
    starts[b + 1]!++;
  }
  for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const ordered = new Uint32Array(n);
  const fill = starts.slice(0, BUCKETS);
  for (let i = 0; i < n; i++) ordered[fill[bucketOf[i]!]!++] = slots[i]!;
  for (let b = 0; b < BUCKETS; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (from === to) continue;
    const floor = Math.floor(b / (LENGTH_CAP + 1)) * 65536 + (b % (LENGTH_CAP + 1));
    if (floor > top.bound()) break; // every later bucket's floor is higher still
    for (let i = from; i < to && floor <= top.bound(); i++) {
      const slot = ordered[i]!;
      const tier = matchTier(haystacks[slot]!, text, nameLength[slot]!);
      if (tier >= 0) top.offer(tier * 65536 + nameLength[slot]!, slot);
    }
  }
}

/**
 * Numeric sort key of the explicit sorts, smaller first (ties broken by id); browse (relevance
 * without text) is newest listing first. Relevance with text ranks by `matchTier` (exact name or
 * exact case number, name prefix, inside the name, another field), then shorter names.
 */
export function sortKeyOf(query: ResolvedQuery, c: Columns): (slot: number) => number {
  switch (query.sort) {
    case 'amount:asc':
      return (slot) => c.amount[slot]!;
    case 'amount:desc':
      return (slot) => -c.amount[slot]!;
    case 'listedAt:asc':
      return (slot) => c.listedDay[slot]!;
    default: // listedAt:desc, and browse
      return (slot) => -c.listedDay[slot]!;
  }
}
