import type { ResolvedQuery } from '../../../packages/search/src/query.ts';
import type { FacetCounts } from '../../../packages/search/src/search-index.ts';
import { type Columns, KIND_CODES } from './columns.ts';
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
const KIND_BIT = 1;
const CATEGORY_BIT = 2;
const REGION_BIT = 4;
const COURT_BIT = 8;
const LIVELIHOOD_BIT = 16;

/**
 * One pass over the candidates: substring re-check (`text`, normalised; '' = none), filters,
 * facet counts, and the top (offset + pageSize) by the requested order.
 *
 * Facets are disjunctive: each facet is counted with every filter applied except its own
 * (so the UI can show the other regions while a region is selected). `livelihood` has no facet
 * and always applies. A document failing exactly one facet's filter still counts for that facet.
 */
export function runSearchPass(store: PassStore, candidates: Candidates, text: string, query: ResolvedQuery) {
  const { columns: c, haystacks } = store;
  const f = query.filters;
  const kind = f.kind === undefined ? -1 : KIND_CODES.indexOf(f.kind);
  const category = f.category ?? -1;
  const region =
    f.region === undefined ? -1 : c.regions.find(f.region) >= 0 ? c.regions.find(f.region) : NO_MATCH;
  const court = f.court === undefined ? -1 : c.courts.find(f.court) >= 0 ? c.courts.find(f.court) : NO_MATCH;
  const livelihood = f.livelihood === undefined ? -1 : f.livelihood ? 1 : 0;

  const kindCounts = new Uint32Array(KIND_CODES.length);
  const categoryCounts = new Uint32Array(7);
  const regionCounts = new Uint32Array(c.regions.size);
  const courtCounts = new Uint32Array(c.courts.size);
  const top = new TopK(query.offset + query.pageSize, store.idOf);
  const sortKey = sortKeyOf(query, c, text.length, haystacks);
  let total = 0;

  const n = candidates === 'all' ? c.length : candidates.length;
  for (let i = 0; i < n; i++) {
    const slot = candidates === 'all' ? i : candidates[i]!;
    if (c.alive[slot] === 0) continue;
    let pos = 0;
    if (text !== '') {
      pos = haystacks[slot]!.indexOf(text);
      if (pos < 0) continue;
    }
    let failed = 0;
    if (kind >= 0 && c.kind[slot] !== kind) failed |= KIND_BIT;
    if (category >= 0 && c.category[slot] !== category) failed |= CATEGORY_BIT;
    if (region >= 0 && c.region[slot] !== region) failed |= REGION_BIT;
    if (court >= 0 && c.court[slot] !== court) failed |= COURT_BIT;
    if (livelihood >= 0 && c.livelihood[slot] !== livelihood) failed |= LIVELIHOOD_BIT;
    if (failed === 0) {
      total++;
      kindCounts[c.kind[slot]!]!++;
      categoryCounts[c.category[slot]!]!++;
      regionCounts[c.region[slot]!]!++;
      courtCounts[c.court[slot]!]!++;
      top.offer(sortKey(slot, pos), slot);
    } else if (failed === KIND_BIT) kindCounts[c.kind[slot]!]!++;
    else if (failed === CATEGORY_BIT) categoryCounts[c.category[slot]!]!++;
    else if (failed === REGION_BIT) regionCounts[c.region[slot]!]!++;
    else if (failed === COURT_BIT) courtCounts[c.court[slot]!]!++;
  }

  const facets: FacetCounts = {
    category: toRecord(categoryCounts, (i) => String(i)),
    region: toRecord(regionCounts, (i) => c.regions.values[i]!),
    kind: toRecord(kindCounts, (i) => KIND_CODES[i]!),
    court: toRecord(courtCounts, (i) => c.courts.values[i]!),
  };
  return { total, facets, slots: top.sorted().slice(query.offset) } satisfies PassResult;
}

function toRecord(counts: Uint32Array, label: (i: number) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[label(i)] = counts[i]!;
  return out;
}

/**
 * Numeric sort key, smaller first (ties broken by id). Relevance with text: exact name or exact
 * case number (tier 0), name prefix (1), inside the name (2), another field (3); then shorter
 * names. Relevance without text (browse): newest listing first.
 */
function sortKeyOf(query: ResolvedQuery, c: Columns, textLength: number, haystacks: string[]) {
  switch (query.sort) {
    case 'amount:asc':
      return (slot: number) => c.amount[slot]!;
    case 'amount:desc':
      return (slot: number) => -c.amount[slot]!;
    case 'listedAt:asc':
      return (slot: number) => c.listedDay[slot]!;
    case 'listedAt:desc':
      return (slot: number) => -c.listedDay[slot]!;
    default:
      if (textLength === 0) return (slot: number) => -c.listedDay[slot]!;
      return (slot: number, pos: number) => {
        const nameLength = c.nameLength[slot]!;
        let tier = 3;
        if (pos === 0) tier = textLength === nameLength ? 0 : 1;
        else if (pos < nameLength) tier = 2;
        else if (pos === nameLength + 1 && haystacks[slot]!.charCodeAt(pos + textLength) === 1) tier = 0;
        return tier * 65536 + nameLength;
      };
  }
}
