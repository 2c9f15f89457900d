import { type MarkedOrder, type SortOrders, walkMarked } from './sort-orders.ts';
import { bitmapOf, type TermEntry } from './term-entry.ts';

/**
 * A broad term's base matches in one of the index-wide sort orders: the index's order with every
 * other slot left out. A sorted page of the term is then a walk of its own matches (filters
 * checked per slot) that stops when the page is full — it reads `need × matches / total` slots
 * instead of `need × listings / total` along the index's order, and never more than the term's
 * matches (the top-k pass it replaces reads all of them, every time).
 *
 * The walk reads only this structure front to back (or back to front): each slot's filter
 * combination and where each run of equal keys starts are copied in when it is built, because a
 * read of the index's columns per slot (amount, combination) is a cache miss each, and those
 * misses, not the loop, were most of a walk's time. A slot written since the base is skipped,
 * whatever it holds now, so what was copied cannot go stale.
 *
 * Cut once per term, order and base, by one sequential read of the index's order and its marks
 * (`OrderMarks`: 5–11 ms at 1M listings), for terms matching 1/64 to 1/4 of the listings
 * (`wantsTermOrders`), once the pages served without it cost about as much (`termOrderOnceDue`).
 *
 * A term order: the term's base slots unchanged since the base, by (key, id) ascending, with
 * their marks.
 */
export type TermOrder = MarkedOrder;

export type TermOrderName = 'byAmount' | 'byListedDay';

/**
 * The term's order when it has one or it is due: the estimated cost of each page served without
 * it (`pageCost`, in base-list reads) is added up per order, and once the sum reaches `rent` the
 * order is cut. Undefined: serve this page without it.
 */
export function termOrderOnceDue(
  entry: TermEntry,
  orders: SortOrders,
  name: TermOrderName,
  slotCount: number,
  dirty: Uint8Array | null,
  pageCost: number,
  rent: number,
): TermOrder | undefined {
  entry.orders ??= {};
  const kept = entry.orders[name];
  if (kept) return kept;
  entry.orderRentPaid ??= { byAmount: 0, byListedDay: 0 };
  entry.orderRentPaid[name] += pageCost;
  if (entry.orderRentPaid[name] < rent) return undefined;
  const built =
    name === 'byAmount'
      ? cutTermOrder(entry, orders.amount, slotCount, dirty)
      : cutTermOrder(entry, orders.listedDay, slotCount, dirty);
  entry.orders[name] = built;
  return built;
}

/**
 * The index's order with the term's slots kept, their marks with them: one sequential read of the
 * order and its marks (the term's bitmap and `dirty` are the only look-ups by slot). `dirty`:
 * slots written since the base (null when none was), left out.
 */
function cutTermOrder(
  entry: TermEntry,
  marked: MarkedOrder,
  slotCount: number,
  dirty: Uint8Array | null,
): TermOrder {
  // every base slot is in the index's orders: it was live when they were built and has not been
  // written since (slots written since the base are not in `base`)
  const bitmap = bitmapOf(entry, slotCount);
  const length = entry.base!.length;
  const slots = new Uint32Array(length);
  const combos = marked.combos instanceof Uint16Array ? new Uint16Array(length) : new Uint32Array(length);
  const runStarts = new Uint32Array((length + 31) >>> 5);
  const { slots: order, combos: comboAt, runStarts: startsAt } = marked;
  let n = 0;
  // a run of equal keys started at or after the last kept position: the next kept one starts a run
  let runStarted = false;
  for (let i = 0; i < order.length; i++) {
    if ((startsAt[i >>> 5]! & (1 << (i & 31))) !== 0) runStarted = true;
    const slot = order[i]!;
    if ((bitmap[slot >>> 5]! & (1 << (slot & 31))) === 0 || (dirty !== null && dirty[slot] === 1)) continue;
    if (runStarted) runStarts[n >>> 5]! |= 1 << (n & 31);
    runStarted = false;
    combos[n] = comboAt[i]!;
    slots[n++] = slot;
  }
  return n === length
    ? { slots, combos, runStarts }
    : { slots: slots.slice(0, n), combos: combos.slice(0, n), runStarts };
}
/**
 * Visits the order's slots that pass the filters (`passes` per combination) and were not written
 * since the base (`dirty`, null when nothing was), ascending or descending by key, ties by id
 * ascending either way, until `visit` returns false.
 */
export function walkTermOrder(
  order: TermOrder,
  descending: boolean,
  passes: Uint8Array,
  dirty: Uint8Array | null,
  visit: (slot: number) => boolean,
): void {
  walkMarked(
    order,
    descending,
    (slot, combo) => passes[combo] !== 1 || (dirty !== null && dirty[slot] === 1) || visit(slot),
  );
}
