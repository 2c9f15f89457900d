import type { SortOrders } from './sort-orders.ts';
import { bitmapOf, type TermEntry } from './term-entry.ts';

/**
 * A broad term's base matches in one of the index-wide sort orders: the index's order with every
 * other slot left out. A sorted page of the term is then a walk of its own matches (filters
 * checked per slot) that stops when the page is full — it reads `need × matches / total` slots
 * instead of `need × listings / total` along the index's order, and never more than the term's
 * matches (the top-k pass it replaces reads all of them, every time).
 *
 * Built once per term, order and base, by one read of the index's order (about 2 ms per million
 * listings); so only for terms that match at least 1/64 of the listings, where that read costs
 * less than sorting the matches would and the pages it saves cost most.
 */
export type TermOrderName = 'byAmount' | 'byListedDay';

export function termOrderOf(
  entry: TermEntry,
  orders: SortOrders,
  name: TermOrderName,
  slotCount: number,
): Uint32Array {
  entry.orders ??= {};
  const kept = entry.orders[name];
  if (kept) return kept;
  // every base slot is in the index's orders: it was live when they were built and has not been
  // written since (slots written since the base are not in `base`)
  const bitmap = bitmapOf(entry, slotCount);
  const order = orders[name];
  const out = new Uint32Array(entry.base!.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i]!;
    if ((bitmap[slot >>> 5]! & (1 << (slot & 31))) !== 0) out[n++] = slot;
  }
  const built = n === out.length ? out : out.slice(0, n);
  entry.orders[name] = built;
  return built;
}
