import type { ResolvedQuery } from '../query.ts';
import type { Columns } from './columns.ts';
import { filterCodes, type PassResult } from './search-pass.ts';
import { type SortOrders, walkDescending } from './sort-orders.ts';
import { bitmapOf, countFromHistogram, type TermEntry } from './term-entry.ts';
import { TopK } from './top-k.ts';

/** What a walk reads besides the term entry. */
export interface WalkStore {
  columns: Columns;
  haystacks: string[];
  idOf: (slot: number) => string;
  orders: SortOrders;
}

/**
 * A query on a broad term: total and facets from the term's histogram, then the page. Relevance
 * with text walks the term's ranked matches; the other orders walk the index-wide sort order,
 * keeping term matches that pass the filters, and stop once offset + pageSize slots are found —
 * unless the filtered matches are so sparse in that order that a top-k pass over the term's
 * matches is cheaper (estimated from the exact filtered total).
 */
export function walkPage(store: WalkStore, entry: TermEntry, text: string, query: ResolvedQuery): PassResult {
  const c = store.columns;
  const { total, facets, passes } = countFromHistogram(entry, c, filterCodes(c, query.filters));
  const need = query.offset + query.pageSize;
  if (total === 0 || query.offset >= total) return { total, facets, slots: [] };
  const combo = c.combo;
  const found: number[] = [];

  if (query.sort === 'relevance' && text !== '') {
    entry.ranked ??= rankByRelevance(store, entry, text);
    const ranked = entry.ranked;
    for (let i = 0; i < ranked.length && found.length < need; i++) {
      const slot = ranked[i]!;
      if (passes[combo[slot]!] === 1) found.push(slot);
    }
    return { total, facets, slots: found.slice(query.offset) };
  }

  const live = store.orders.byAmount.length;
  const walkCost = (need * live) / total;
  if (entry.matches !== null && walkCost > entry.size) {
    return {
      total,
      facets,
      slots: topOfMatches(store, entry.matches, passes, query, need).slice(query.offset),
    };
  }

  const bitmap = entry.matches === null ? null : bitmapOf(entry, c.length);
  const visit = (slot: number): boolean => {
    if (passes[combo[slot]!] === 1 && (bitmap === null || (bitmap[slot >>> 5]! & (1 << (slot & 31))) !== 0))
      found.push(slot);
    return found.length < need;
  };
  const { byAmount, byListedDay } = store.orders;
  switch (query.sort) {
    case 'amount:asc':
      walkAscending(byAmount, visit);
      break;
    case 'amount:desc':
      walkDescending(byAmount, c.amount, visit);
      break;
    case 'listedAt:asc':
      walkAscending(byListedDay, visit);
      break;
    default: // listedAt:desc, and relevance without text (newest first)
      walkDescending(byListedDay, c.listedDay, visit);
  }
  return { total, facets, slots: found.slice(query.offset) };
}

function walkAscending(order: Uint32Array, visit: (slot: number) => boolean): void {
  for (let i = 0; i < order.length; i++) if (!visit(order[i]!)) return;
}

function topOfMatches(
  store: WalkStore,
  matches: Uint32Array,
  passes: Uint8Array,
  query: ResolvedQuery,
  need: number,
): number[] {
  const c = store.columns;
  const top = new TopK(need, store.idOf);
  const sign = query.sort === 'amount:desc' || query.sort === 'listedAt:desc' ? -1 : 1;
  const key: ArrayLike<number> = query.sort.startsWith('amount') ? c.amount : c.listedDay;
  for (let i = 0; i < matches.length; i++) {
    const slot = matches[i]!;
    if (passes[c.combo[slot]!] === 1) top.offer(sign * key[slot]!, slot);
  }
  return top.sorted();
}

/**
 * The term's matches by (tier, name length, id), tiers as in `sortKeyOf`: exact name or case
 * number, name prefix, inside the name, another field. A large match set is bucketed by tier along
 * the index-wide (name length, id) order; a small one is sorted directly.
 */
function rankByRelevance(store: WalkStore, entry: TermEntry, text: string): Uint32Array {
  const { columns: c, haystacks, orders } = store;
  const tierOf = (slot: number): number => {
    const pos = haystacks[slot]!.indexOf(text);
    const nameLength = c.nameLength[slot]!;
    if (pos === 0) return text.length === nameLength ? 0 : 1;
    if (pos < nameLength) return 2;
    if (pos === nameLength + 1 && haystacks[slot]!.charCodeAt(pos + text.length) === 1) return 0;
    return 3;
  };
  const matches = entry.matches!;
  if (matches.length * 16 < orders.byNameLength.length) {
    const keys = new Map<number, number>();
    for (let i = 0; i < matches.length; i++)
      keys.set(matches[i]!, tierOf(matches[i]!) * 65536 + c.nameLength[matches[i]!]!);
    const rank = orders.idRank;
    return matches.slice().sort((a, b) => keys.get(a)! - keys.get(b)! || rank[a]! - rank[b]!);
  }
  const bitmap = bitmapOf(entry, c.length);
  const tiers: number[][] = [[], [], [], []];
  const order = orders.byNameLength;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i]!;
    if ((bitmap[slot >>> 5]! & (1 << (slot & 31))) !== 0) tiers[tierOf(slot)]!.push(slot);
  }
  const ranked = new Uint32Array(matches.length);
  let at = 0;
  for (const tier of tiers) {
    ranked.set(tier, at);
    at += tier.length;
  }
  return ranked;
}
