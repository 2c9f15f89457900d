import type { Columns } from './columns.ts';

/** The columns a build reads (the index's own, or copies when it is built in the background). */
export type OrderColumns = Pick<
  Columns,
  'length' | 'alive' | 'listedDay' | 'nameLength' | 'amount' | 'combo'
>;

/** Copies of what a build reads, taken now: a build spread over several turns sees one version. */
export function copyOrderColumns(columns: Columns): OrderColumns {
  const n = columns.length;
  return {
    length: n,
    alive: columns.alive.slice(0, n),
    listedDay: columns.listedDay.slice(0, n),
    nameLength: columns.nameLength.slice(0, n),
    amount: columns.amount.slice(0, n),
    combo: columns.combo.slice(0, n),
  };
}

/**
 * What a walk of an order needs to know of each position without reading the columns at its slot
 * (a cache miss each, in an order that jumps across the index): the slot's filter combination,
 * and whether its key differs from the previous position's (a run of equal keys starts there).
 * Term orders (term-orders.ts) are cut from these in one sequential read.
 */
export interface OrderMarks {
  combos: Uint16Array | Uint32Array;
  /** bit i set: position i starts a run of equal keys */
  runStarts: Uint32Array;
}

function orderMarks(order: Uint32Array, key: ArrayLike<number>, combo: Uint32Array): OrderMarks {
  const n = order.length;
  let widest = 0;
  for (let i = 0; i < n; i++) if (combo[order[i]!]! > widest) widest = combo[order[i]!]!;
  const combos = widest < 0x10000 ? new Uint16Array(n) : new Uint32Array(n);
  const runStarts = new Uint32Array((n + 31) >>> 5);
  let last = Number.NaN;
  for (let i = 0; i < n; i++) {
    const slot = order[i]!;
    const k = key[slot]!;
    if (i === 0 || k !== last) runStarts[i >>> 5]! |= 1 << (i & 31);
    last = k;
    combos[i] = combo[slot]!;
  }
  return { combos, runStarts };
}

/**
 * Every live slot in the index's sort orders, ties broken by id ascending (the order the search
 * contract shows): amount, listing day and name length. A sorted page of a broad query is then a
 * walk along one order, keeping slots in the match set, that stops once the page is full — the
 * cost follows the page, not the match count. Built for a read-model version, in one go (`build`)
 * or a phase per turn of the event loop (`steps`).
 */
export class SortOrders {
  /** live slots by (amount, id) ascending */
  readonly byAmount: Uint32Array;
  /** live slots by (listing day, id) ascending */
  readonly byListedDay: Uint32Array;
  /** live slots by (name length, id) ascending: the within-tier order of relevance */
  readonly byNameLength: Uint32Array;
  /** slot → position of its id among all live ids (0 for dead slots) */
  readonly idRank: Uint32Array;
  /** live slots by id: the inverse of `idRank` */
  readonly byId: Uint32Array;
  /** `byAmount` and `byListedDay` with each position's combination and run starts */
  readonly amount: MarkedOrder;
  readonly listedDay: MarkedOrder;

  private constructor(
    byId: Uint32Array,
    idRank: Uint32Array,
    byListedDay: Uint32Array,
    byNameLength: Uint32Array,
    byAmount: Uint32Array,
    amountMarks: OrderMarks,
    listedDayMarks: OrderMarks,
  ) {
    this.amount = { slots: byAmount, ...amountMarks };
    this.listedDay = { slots: byListedDay, ...listedDayMarks };
    this.byId = byId;
    this.idRank = idRank;
    this.byListedDay = byListedDay;
    this.byNameLength = byNameLength;
    this.byAmount = byAmount;
  }

  /** Built now (the caller waits: about a second per million listings). */
  static build(columns: OrderColumns, ids: string[]): SortOrders {
    const steps = SortOrders.steps(columns, ids);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Built one phase per `next()`: the caller resumes it on later turns so requests run between. */
  static *steps(columns: OrderColumns, ids: string[]): Generator<void, SortOrders> {
    const byId = liveSlotsById(columns, ids);
    yield;
    const idRank = new Uint32Array(columns.length);
    for (let i = 0; i < byId.length; i++) idRank[byId[i]!] = i;
    yield;
    const byListedDay = countingSortBy(byId, columns.listedDay);
    yield;
    const byNameLength = countingSortBy(byId, columns.nameLength);
    yield;
    const byAmount = radixSortByDouble(byId, columns.amount);
    yield;
    const amountMarks = orderMarks(byAmount, columns.amount, columns.combo);
    yield;
    const listedDayMarks = orderMarks(byListedDay, columns.listedDay, columns.combo);
    return new SortOrders(byId, idRank, byListedDay, byNameLength, byAmount, amountMarks, listedDayMarks);
  }
}

/** Live slots in id order; slot order already is id order when listings were loaded sorted by id. */
function liveSlotsById(columns: OrderColumns, ids: string[]): Uint32Array {
  let n = 0;
  for (let slot = 0; slot < columns.length; slot++) if (columns.alive[slot] === 1) n++;
  const out = new Uint32Array(n);
  let sorted = true;
  let previous = '';
  n = 0;
  for (let slot = 0; slot < columns.length; slot++) {
    if (columns.alive[slot] !== 1) continue;
    const id = ids[slot]!;
    if (n > 0 && id <= previous) sorted = false;
    previous = id;
    out[n++] = slot;
  }
  if (!sorted) out.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return out;
}

/**
 * A stable counting sort of `slots` by a small-integer key: slots keep their (id) order within a
 * key. Falls back to a comparison sort when the key range is too wide for counting.
 */
function countingSortBy(slots: Uint32Array, key: ArrayLike<number>): Uint32Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < slots.length; i++) {
    const k = key[slots[i]!]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (slots.length === 0) return new Uint32Array(0);
  const range = max - min + 1;
  if (range > 4 * slots.length + 65536) {
    const position = new Map<number, number>();
    for (let i = 0; i < slots.length; i++) position.set(slots[i]!, i);
    return slots.slice().sort((a, b) => key[a]! - key[b]! || position.get(a)! - position.get(b)!);
  }
  const starts = new Uint32Array(range + 1);
  for (let i = 0; i < slots.length; i++) starts[key[slots[i]!]! - min + 1]!++;
  for (let k = 1; k <= range; k++) starts[k]! += starts[k - 1]!;
  const out = new Uint32Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    out[starts[key[slot]! - min]!++] = slot;
  }
  return out;
}

/**
 * A stable LSD radix sort of `slots` by a double key (four 16-bit passes over the IEEE bits, made
 * order-preserving: sign bit flipped for positives, every bit for negatives; −0 counts as 0).
 * Linear, so 10M slots sort in well under a second where a comparison sort takes tens.
 */
export function radixSortByDouble(slots: Uint32Array, key: Float64Array): Uint32Array {
  const n = slots.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    bits[0] = key[slots[i]!]! + 0; // −0 → 0
    const negative = words[1]! >>> 31 === 1;
    lo[i] = negative ? ~words[0]! >>> 0 : words[0]!;
    hi[i] = negative ? ~words[1]! >>> 0 : (words[1]! | 0x80000000) >>> 0;
  }
  let order = slots.slice();
  let index = Uint32Array.from({ length: n }, (_, i) => i); // positions into lo/hi, kept in step
  let nextOrder = new Uint32Array(n);
  let nextIndex = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const [word, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((word[index[i]!]! >>> shift) & 0xffff) + 1]!++;
    if (counts[1 + ((word[index[0] ?? 0]! >>> shift) & 0xffff)] === n) continue; // one bucket: nothing moves
    for (let b = 1; b <= 65536; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++) {
      const at = counts[(word[index[i]!]! >>> shift) & 0xffff]!++;
      nextOrder[at] = order[i]!;
      nextIndex[at] = index[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [index, nextIndex] = [nextIndex, index];
  }
  return order;
}

/** An order with its marks: what a walk reads (the index's orders, and term orders cut from them). */
export interface MarkedOrder extends OrderMarks {
  slots: Uint32Array;
}

/**
 * Visits `order` ascending, or descending by key with each run of equal keys front to back — so
 * ties come by id ascending either way, the order the search contract shows — passing each slot
 * with its combination id, until `visit` returns false. Reads the order and its marks only, in
 * sequence.
 */
export function walkMarked(
  order: MarkedOrder,
  descending: boolean,
  visit: (slot: number, combo: number) => boolean,
): void {
  const { slots, combos, runStarts } = order;
  const n = slots.length;
  if (!descending) {
    for (let i = 0; i < n; i++) if (!visit(slots[i]!, combos[i]!)) return;
    return;
  }
  let end = n - 1;
  while (end >= 0) {
    let start = end;
    while (start > 0 && (runStarts[start >>> 5]! & (1 << (start & 31))) === 0) start--;
    for (let i = start; i <= end; i++) if (!visit(slots[i]!, combos[i]!)) return;
    end = start - 1;
  }
}
