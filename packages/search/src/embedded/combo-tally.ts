import type { FacetCounts } from '../search-index.ts';
import { type Columns, KIND_CODES } from './columns.ts';
import type { ComboDictionary } from './combos.ts';

export const KIND_BIT = 1;
export const CATEGORY_BIT = 2;
export const REGION_BIT = 4;
export const COURT_BIT = 8;
export const LIVELIHOOD_BIT = 16;

/** Column codes of the filters; −1 = no filter, a value above 0xffff = a value the index never saw. */
export interface FilterCodes {
  kind: number;
  category: number;
  region: number;
  court: number;
  livelihood: number;
}

/**
 * Per filter-value combination (`ComboDictionary` id), the bits of the filters it fails; 0 =
 * passes every filter. A pass then reads one column (`combo`) per match instead of five.
 */
export function comboFailures(combos: ComboDictionary, codes: FilterCodes): Uint8Array {
  const { kind, category, region, court, livelihood } = codes;
  const failures = new Uint8Array(combos.size);
  for (let id = 0; id < combos.size; id++) {
    let failed = 0;
    if (kind >= 0 && combos.kind[id] !== kind) failed |= KIND_BIT;
    if (category >= 0 && combos.category[id] !== category) failed |= CATEGORY_BIT;
    if (region >= 0 && combos.region[id] !== region) failed |= REGION_BIT;
    if (court >= 0 && combos.court[id] !== court) failed |= COURT_BIT;
    if (livelihood >= 0 && combos.livelihood[id] !== livelihood) failed |= LIVELIHOOD_BIT;
    failures[id] = failed;
  }
  return failures;
}

/**
 * Per combination, whether a match with it counts anywhere: in the total (fails no filter) or in
 * one facet (fails only that facet's filter). Matches failing two filters, or `livelihood` (no
 * facet), count nowhere: a pass skips their candidates before re-checking their text.
 */
export function combosThatCount(failures: Uint8Array): Uint8Array {
  const counts = new Uint8Array(failures.length);
  for (let id = 0; id < failures.length; id++) {
    const f = failures[id]!;
    counts[id] =
      f === 0 || f === KIND_BIT || f === CATEGORY_BIT || f === REGION_BIT || f === COURT_BIT ? 1 : 0;
  }
  return counts;
}

/**
 * Total and disjunctive facets from a histogram of matches over combinations: each facet is
 * counted with every filter applied except its own (so the UI can show the other regions while a
 * region is selected); `livelihood` has no facet and always applies. A match failing exactly one
 * facet's filter still counts for that facet.
 */
export function tallyCombos(
  histogram: Uint32Array,
  failures: Uint8Array,
  columns: Columns,
): { total: number; facets: FacetCounts } {
  const combos = columns.combos;
  const kindCounts = new Uint32Array(KIND_CODES.length);
  const categoryCounts = new Uint32Array(7);
  const regionCounts = new Uint32Array(columns.regions.size);
  const courtCounts = new Uint32Array(columns.courts.size);
  let total = 0;
  for (let id = 0; id < histogram.length; id++) {
    const n = histogram[id]!;
    if (n === 0) continue;
    const failed = failures[id]!;
    if (failed === 0) {
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
  return { total, facets };
}

function toRecord(counts: Uint32Array, label: (i: number) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[label(i)] = counts[i]!;
  return out;
}
