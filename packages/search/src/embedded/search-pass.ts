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
  /** ids ascend with slots (each listing added had a larger id than the one before) */
  idsAscend: boolean;
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

  if (byTier && !recheck && candidates !== 'all' && (tiers !== undefined || text.length <= TIER_FLOOR_MAX)) {
    rankByFloor(store, candidates, text, alive, failures, counted, histogram, top, tiers);
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
 * Relevance over known matches (an exact list; `tiers` when known, aligned with `candidates`):
 * counts every candidate from its combination alone, then ranks those on the page's side of the
 * filters with `topByFloor`.
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
  tiers: Uint8Array | undefined,
): void {
  const combo = store.columns.combo;
  const onPage = new Uint32Array(candidates.length);
  const onPageTiers = tiers === undefined ? undefined : new Uint8Array(candidates.length);
  let m = 0;
  for (let i = 0; i < candidates.length; i++) {
    const slot = candidates[i]!;
    if (alive !== undefined && alive[slot] === 0) continue;
    const id = combo[slot]!;
    if (counted[id] === 0) continue;
    histogram[id]!++;
    if (failures[id] !== 0) continue; // counted in one facet, never on the page
    if (onPageTiers !== undefined) onPageTiers[m] = tiers![i]!;
    onPage[m++] = slot;
  }
  topByFloor(store, onPage.subarray(0, m), text, top, onPageTiers?.subarray(0, m));
}

/** Names longer than this share the last bucket of `topByFloor` (its floor stays a lower bound). */
const LENGTH_CAP = 255;
const BUCKETS = 4 * (LENGTH_CAP + 1);
const UNKNOWN = 255;

/**
 * Offers `slots` (ascending; listings known to contain `text` that pass the filters) to `top` by
 * relevance. Each gets a bucket by its key when its tier is known (`tiers`), else by its best
 * possible key (`tierFloor`, for `text` of at most `TIER_FLOOR_MAX` units); buckets are read in
 * order, a haystack (`matchTier`) only for an unknown tier, until a bucket's floor is above the
 * page's worst kept key. When ids ascend with slots (`idsAscend`), a bucket is left as soon as
 * one of its listings could not be kept even at the bucket's floor: the rest have larger ids.
 * A common word's matches (装饰: 42k at 3M demo listings, most in one bucket of the shortest
 * names) then cost a few dozen reads instead of one per match.
 */
export function topByFloor(
  store: Pick<PassStore, 'columns' | 'haystacks' | 'idsAscend'>,
  slots: Uint32Array,
  text: string,
  top: TopK,
  tiers?: Uint8Array,
): void {
  const { nameLength, nameFirst } = store.columns;
  const haystacks = store.haystacks;
  const n = slots.length;
  const bucketOf = new Uint16Array(n);
  const starts = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const slot = slots[i]!;
    const length = nameLength[slot]!;
    const tier = tiers !== undefined ? tiers[i]! : tierFloor(nameFirst[slot]!, text, length);
    const b = tier * (LENGTH_CAP + 1) + Math.min(length, LENGTH_CAP);
    bucketOf[i] = b;
    starts[b + 1]!++;
  }
  for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const ordered = new Uint32Array(n);
  const orderedTiers = new Uint8Array(n).fill(UNKNOWN);
  const fill = starts.slice(0, BUCKETS);
  for (let i = 0; i < n; i++) {
    const at = fill[bucketOf[i]!]!++;
    ordered[at] = slots[i]!;
    if (tiers !== undefined) orderedTiers[at] = tiers[i]!;
  }
  for (let b = 0; b < BUCKETS; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (from === to) continue;
    const floor = Math.floor(b / (LENGTH_CAP + 1)) * 65536 + (b % (LENGTH_CAP + 1));
    if (floor > top.bound()) break; // every later bucket's floor is higher still
    for (let i = from; i < to; i++) {
      const slot = ordered[i]!;
      if (store.idsAscend ? !top.accepts(floor, slot) : floor > top.bound()) break;
      const known = orderedTiers[i]!;
      const tier = known !== UNKNOWN ? known : matchTier(haystacks[slot]!, text, nameLength[slot]!);
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
