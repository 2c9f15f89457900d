/**
 * Sorted posting lists of slot numbers. A list is stored as a bare number while it holds one slot
 * (most bigrams of company names occur once) and as a `Uint32Array` whose element 0 is the length
 * once it holds more. Slots are kept ascending so lists can be intersected by merging.
 */
export type Posting = number | Uint32Array;

/** Number of slots in a posting. */
export function postingLength(p: Posting): number {
  return typeof p === 'number' ? 1 : p[0]!;
}

/** Position of `slot` in `list[1..n]`, or the bitwise complement of where it would go. */
function search(list: Uint32Array, n: number, slot: number): number {
  let lo = 1;
  let hi = n;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === slot) return mid;
    if (v < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return ~lo;
}

/** Adds `slot` to a posting (no-op when present) and returns the posting to store. */
export function postingAdd(p: Posting | undefined, slot: number): Posting {
  if (p === undefined) return slot;
  if (typeof p === 'number') {
    if (p === slot) return p;
    const list = new Uint32Array(4);
    list[0] = 2;
    list[1] = Math.min(p, slot);
    list[2] = Math.max(p, slot);
    return list;
  }
  const n = p[0]!;
  let list = p;
  const last = list[n]!;
  if (slot === last) return list;
  if (n + 1 >= list.length) {
    list = new Uint32Array(Math.ceil((n + 1) * 1.5) + 1);
    list.set(p.subarray(0, n + 1));
  }
  if (slot > last) {
    list[n + 1] = slot; // the bulk-load path: slots arrive in ascending order
  } else {
    const at = search(list, n, slot);
    if (at >= 0) return list;
    list.copyWithin(~at + 1, ~at, n + 1);
    list[~at] = slot;
  }
  list[0] = n + 1;
  return list;
}

/** Removes `slot` from a posting; returns the posting to store, or undefined when it became empty. */
export function postingRemove(p: Posting | undefined, slot: number): Posting | undefined {
  if (p === undefined || p === slot) return undefined;
  if (typeof p === 'number') return p;
  const n = p[0]!;
  const at = search(p, n, slot);
  if (at < 0) return p;
  p.copyWithin(at, at + 1, n + 1);
  p[0] = n - 1;
  return n - 1 === 1 ? p[1]! : p;
}

/** A posting as a plain sorted view (shares memory with the list). */
export function postingView(p: Posting): Uint32Array {
  return typeof p === 'number' ? Uint32Array.of(p) : p.subarray(1, p[0]! + 1);
}
