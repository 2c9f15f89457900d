/**
 * Sorted posting lists of slot numbers, compact (issue 13: posting lists were ~155 MB per million
 * listings as plain `Uint32Array`s). Three forms, by size:
 * - a bare number while the list holds one slot (most bigrams of company names occur once);
 * - a `Uint32Array` whose element 0 is the length, up to `SMALL_MAX` slots (short lists stay cheap
 *   to change and need no decoding);
 * - a `PackedList` beyond that: the gaps between consecutive slots as LEB128 varints (one byte for
 *   most gaps of a common bigram instead of four), with a skip entry every `BLOCK` slots so a short
 *   list can be intersected with a long one without decoding all of it.
 * Slots are handed out in ascending order, so adding a new listing appends. Removing a listing does
 * not touch its lists: they may hold dead slots, which decoding drops (`alive`) and compaction of the
 * index squeezes out. Only a listing whose text changed in place rewrites the lists it left or joined.
 */
export type Posting = number | Uint32Array | PackedList;

export interface PackedList {
  /** varint gaps (the first from 0) */
  bytes: Uint8Array;
  /** bytes in use */
  used: number;
  count: number;
  last: number;
  /** per block of `BLOCK` slots: [first slot of the block, offset just after its varint], … */
  skips: Uint32Array;
  skipCount: number;
}

const SMALL_MAX = 32;
const BLOCK = 128;

/** Number of slots in a posting (dead ones included: an upper bound of the live ones). */
export function postingLength(p: Posting): number {
  if (typeof p === 'number') return 1;
  return p instanceof Uint32Array ? p[0]! : p.count;
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

function varintLength(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/** Appends `slot` (greater than every slot in `p`) to a packed list, growing it when full. */
function appendPacked(p: PackedList, slot: number): void {
  let gap = slot - p.last;
  if (p.count === 0) gap = slot;
  if (p.used + 5 > p.bytes.length) {
    const grown = new Uint8Array(Math.max(16, Math.ceil(p.bytes.length * 1.5) + 5));
    grown.set(p.bytes.subarray(0, p.used));
    p.bytes = grown;
  }
  const bytes = p.bytes;
  let at = p.used;
  while (gap >= 0x80) {
    bytes[at++] = (gap & 0x7f) | 0x80;
    gap = Math.floor(gap / 128);
  }
  bytes[at++] = gap;
  if (p.count % BLOCK === 0) {
    if (2 * p.skipCount + 2 > p.skips.length) {
      const grown = new Uint32Array(Math.max(2, p.skips.length * 2));
      grown.set(p.skips);
      p.skips = grown;
    }
    p.skips[2 * p.skipCount] = slot;
    p.skips[2 * p.skipCount + 1] = at;
    p.skipCount++;
  }
  p.used = at;
  p.count++;
  p.last = slot;
}

/** A packed list holding `slots` (ascending, distinct), sized to fit. */
function packSorted(slots: ArrayLike<number>, n: number): PackedList {
  let bytes = 0;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    bytes += varintLength(slots[i]! - previous);
    previous = slots[i]!;
  }
  const p: PackedList = {
    bytes: new Uint8Array(bytes + 5),
    used: 0,
    count: 0,
    last: 0,
    skips: new Uint32Array(2 * Math.ceil(n / BLOCK)),
    skipCount: 0,
  };
  for (let i = 0; i < n; i++) appendPacked(p, slots[i]!);
  return p;
}

/** A posting holding `slots` (ascending, distinct; `n` of them), in the form its size calls for. */
export function postingFromSorted(slots: Uint32Array, n = slots.length): Posting | undefined {
  if (n === 0) return undefined;
  if (n === 1) return slots[0]!;
  if (n <= SMALL_MAX) {
    const list = new Uint32Array(n + 1);
    list[0] = n;
    list.set(slots.subarray(0, n), 1);
    return list;
  }
  return packSorted(slots, n);
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
  if (!(p instanceof Uint32Array)) {
    if (slot === p.last) return p; // a gram seen twice in one text
    if (slot > p.last) {
      appendPacked(p, slot); // the usual path: new listings get the highest slot
      return p;
    }
    const all = decodeAll(p);
    const at = lowerBound(all, slot);
    if (all[at] === slot) return p;
    const next = new Uint32Array(all.length + 1);
    next.set(all.subarray(0, at));
    next[at] = slot;
    next.set(all.subarray(at), at + 1);
    return packSorted(next, next.length);
  }
  const n = p[0]!;
  let list = p;
  const last = list[n]!;
  if (slot === last) return list;
  if (n + 1 > SMALL_MAX) {
    const all = new Uint32Array(n + 1);
    let k = 0;
    let placed = false;
    for (let i = 1; i <= n; i++) {
      const v = list[i]!;
      if (!placed && slot < v) {
        all[k++] = slot;
        placed = true;
      }
      if (v === slot) return list;
      all[k++] = v;
    }
    if (!placed) all[k++] = slot;
    return packSorted(all, k);
  }
  if (n + 1 >= list.length) {
    list = new Uint32Array(Math.min(SMALL_MAX, Math.ceil((n + 1) * 1.5)) + 1);
    list.set(p.subarray(0, n + 1));
  }
  if (slot > last) {
    list[n + 1] = slot;
  } else {
    const at = search(list, n, slot);
    if (at >= 0) return list;
    list.copyWithin(~at + 1, ~at, n + 1);
    list[~at] = slot;
  }
  list[0] = n + 1;
  return list;
}

/**
 * Removes `slot` from a posting (a listing whose text changed left this gram); returns the posting
 * to store, or undefined when it became empty. A removed listing's lists are left alone (see above).
 */
export function postingRemove(p: Posting | undefined, slot: number): Posting | undefined {
  if (p === undefined || p === slot) return undefined;
  if (typeof p === 'number') return p;
  if (!(p instanceof Uint32Array)) {
    const all = decodeAll(p);
    const at = lowerBound(all, slot);
    if (all[at] !== slot) return p;
    all.copyWithin(at, at + 1);
    return postingFromSorted(all, all.length - 1);
  }
  const n = p[0]!;
  const at = search(p, n, slot);
  if (at < 0) return p;
  p.copyWithin(at, at + 1, n + 1);
  p[0] = n - 1;
  return n - 1 === 1 ? p[1]! : p;
}

function lowerBound(a: Uint32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function decodeAll(p: PackedList): Uint32Array {
  const out = new Uint32Array(p.count);
  postingDecode(p, out);
  return out;
}

/**
 * Writes the posting's slots, ascending, into `out` (at least `postingLength(p)` long), leaving out
 * those whose `alive` mark is not 1 when `alive` is given. Returns how many it wrote.
 */
export function postingDecode(p: Posting, out: Uint32Array, alive?: Uint8Array): number {
  if (typeof p === 'number') {
    if (alive && alive[p] !== 1) return 0;
    out[0] = p;
    return 1;
  }
  let n = 0;
  if (p instanceof Uint32Array) {
    const len = p[0]!;
    for (let i = 1; i <= len; i++) {
      const v = p[i]!;
      if (!alive || alive[v] === 1) out[n++] = v;
    }
    return n;
  }
  const bytes = p.bytes;
  const used = p.used;
  let v = 0;
  let at = 0;
  while (at < used) {
    let b = bytes[at++]!;
    if (b < 0x80)
      v += b; // most gaps of a long list fit one byte
    else {
      let gap = b & 0x7f;
      let shift = 128;
      do {
        b = bytes[at++]!;
        gap += (b & 0x7f) * shift;
        shift *= 128;
      } while (b >= 0x80);
      v += gap;
    }
    if (alive === undefined || alive[v] === 1) out[n++] = v;
  }
  return n;
}

/** The first `count` slots of a packed list (as they were when it held `count`), into `out`. */
export function packedPrefix(p: PackedList, count: number, out: Uint32Array): void {
  const bytes = p.bytes;
  let v = 0;
  let at = 0;
  for (let n = 0; n < count; n++) {
    let b = bytes[at++]!;
    let gap = b & 0x7f;
    let shift = 128;
    while (b >= 0x80) {
      b = bytes[at++]!;
      gap += (b & 0x7f) * shift;
      shift *= 128;
    }
    v += gap;
    out[n] = v;
  }
}

/**
 * The slots of `a[0..na)` (ascending) that the posting holds, written to `out`; returns how many.
 * A packed list is entered at the block of each slot sought (skip entries), so a short `a` costs
 * what its blocks cost, not the whole list.
 */
export function postingIntersect(a: Uint32Array, na: number, p: Posting, out: Uint32Array): number {
  let n = 0;
  if (typeof p === 'number') {
    for (let i = 0; i < na; i++) if (a[i] === p) out[n++] = p;
    return n;
  }
  if (p instanceof Uint32Array) {
    const len = p[0]!;
    let j = 1;
    for (let i = 0; i < na && j <= len; i++) {
      const x = a[i]!;
      while (j <= len && p[j]! < x) j++;
      if (j <= len && p[j] === x) out[n++] = x;
    }
    return n;
  }
  const { bytes, used, skips, skipCount } = p;
  let block = 0;
  let v = skips[0]!;
  let at = skips[1]!;
  for (let i = 0; i < na; i++) {
    const x = a[i]!;
    if (x < v) continue;
    if (block + 1 < skipCount && skips[2 * (block + 1)]! <= x) {
      // jump to the last block starting at or before x
      let lo = block + 1;
      let hi = skipCount - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (skips[2 * mid]! <= x) lo = mid;
        else hi = mid - 1;
      }
      block = lo;
      v = skips[2 * block]!;
      at = skips[2 * block + 1]!;
    }
    while (v < x && at < used) {
      let b = bytes[at++]!;
      let gap = b & 0x7f;
      let shift = 128;
      while (b >= 0x80) {
        b = bytes[at++]!;
        gap += (b & 0x7f) * shift;
        shift *= 128;
      }
      v += gap;
      // keep the block index in step with the position (a later jump must not go backwards)
      if (block + 1 < skipCount && at === skips[2 * (block + 1) + 1]) block++;
    }
    if (v === x) out[n++] = x;
    else if (v < x) break; // the list is exhausted
  }
  return n;
}

/** Gives back a list's growth room (after a bulk load). */
export function postingTrim(p: Posting): Posting {
  if (typeof p === 'number') return p;
  if (p instanceof Uint32Array) return p.length > p[0]! + 1 ? p.slice(0, p[0]! + 1) : p;
  if (p.bytes.length > p.used) p.bytes = p.bytes.slice(0, p.used);
  if (p.skips.length > 2 * p.skipCount) p.skips = p.skips.slice(0, 2 * p.skipCount);
  return p;
}
