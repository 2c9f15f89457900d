import {
  type PackedList,
  type Posting,
  postingAdd,
  postingDecode,
  postingIntersect,
  postingLength,
  postingRemove,
  postingTrim,
} from './posting-list.ts';

/** Single characters at or above this code unit (CJK and friends) get their own posting lists. */
const FIRST_INDEXED_SINGLE = 0x2e80;
/** Past this many candidates, intersecting one more list beats re-checking them one by one. */
const RECHECK_CHEAPER_BELOW = 64;
/**
 * A list holding more than this share of all slots removes too few candidates to pay for even a
 * bit test each; the substring re-check handles what it would have. (It was 0.7 while dense lists
 * were intersected by decoding them: at 3M listings `(2025)琼9002` then left 296k candidates for
 * 27k matches, and re-checking a candidate costs ~100× a bit test.)
 */
const DENSE_SHARE = 0.98;
/** Packed lists holding at least 1/this of all slots are intersected through a bitmap of them… */
const BITMAP_DENSITY = 64;
/** …of which at most this many are kept, least recently used dropped first (1.25 MB each at 10M)… */
const BITMAPS_KEPT = 128;
/**
 * …and one is made for an intersection only when the candidates number at least 1/this of the
 * list (measured at 3M: making bitmaps for `琼0106执5724号`'s dense lists cost ~100 ms for 61
 * candidates that skip entries intersect in well under a millisecond).
 */
const BITMAP_WORTH_PER_CANDIDATE = 32;
/** Packed lists at least this long are kept decoded once read (first keystrokes repeat all the time)… */
const DECODED_MIN = 4096;
/** …within this many bytes of decoded copies, least recently used dropped first. */
const DECODED_BYTES = 32 * 1024 * 1024;

function indexesSingle(c: number): boolean {
  return c >= FIRST_INDEXED_SINGLE && (c < 0xd800 || c > 0xdfff);
}

/**
 * Inverted index over normalised haystacks: overlapping bigrams of UTF-16 code units, plus single
 * CJK characters for one-character queries (a bare surname). Candidates it returns are a superset
 * of the true matches; the caller re-checks each with a substring test.
 */
export class GramIndex {
  // fields below are read and restored by snapshot.ts (the one definition of the snapshot format)
  /** code unit → dense char id (−1 unseen), so bigram keys stay small integers */
  readonly charIds = new Int32Array(65536).fill(-1);
  nextCharId = 0;
  readonly bigrams = new Map<number, Posting>();
  readonly singles = new Map<number, Posting>();
  /** decoded copies of long packed lists, valid while the list holds as many slots as then */
  private readonly decoded = new Map<PackedList, { count: number; slots: Uint32Array }>();
  private decodedBytes = 0;
  /** bit per slot of dense packed lists, as of `used` bytes (extended when the list grew since) */
  private readonly bitmaps = new Map<PackedList, { used: number; last: number; bits: Uint32Array }>();
  private scratchA = new Uint32Array(1024);
  private scratchB = new Uint32Array(1024);

  add(slot: number, text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c <= 1) continue; // field separator
      if (indexesSingle(c)) {
        const p = this.singles.get(c);
        const next = postingAdd(p, slot);
        if (next !== p) this.singles.set(c, next);
      }
      const key = this.bigramAt(text, i, true);
      if (key < 0) continue;
      const p = this.bigrams.get(key);
      const next = postingAdd(p, slot);
      if (next !== p) this.bigrams.set(key, next);
    }
  }

  /**
   * Takes `slot` out of the lists of `text`: for a listing whose text changes in place. A removed
   * listing's lists are left as they are (its slot is dead and never reused: decoding skips it).
   */
  remove(slot: number, text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c <= 1) continue;
      if (indexesSingle(c)) this.drop(this.singles, c, slot);
      const key = this.bigramAt(text, i, false);
      if (key >= 0) this.drop(this.bigrams, key, slot);
    }
  }

  /**
   * Candidate slots for a normalised query of ≥ 1 code unit, ascending, live ones only (`alive`:
   * lists keep the slots of removed listings until the index is compacted; undefined when no slot
   * is dead); `null` when the query
   * cannot use the index (a single ASCII character: the caller scans). `slotCount` sizes what a
   * dense list is. The answer lives in a scratch buffer: use it before the next call.
   */
  candidates(nq: string, slotCount: number, alive: Uint8Array | undefined): Uint32Array | null {
    if (nq.length === 1) {
      const c = nq.charCodeAt(0);
      if (!indexesSingle(c)) return null;
      const p = this.singles.get(c);
      if (p === undefined) return new Uint32Array(0);
      return this.read(p, alive, true, slotCount);
    }
    const postings: Posting[] = [];
    for (let i = 0; i + 1 < nq.length; i++) {
      const key = this.bigramKey(nq.charCodeAt(i), nq.charCodeAt(i + 1), false);
      const p = key < 0 ? undefined : this.bigrams.get(key);
      if (p === undefined) return new Uint32Array(0);
      if (!postings.includes(p)) postings.push(p);
    }
    postings.sort((a, b) => postingLength(a) - postingLength(b));
    let current = this.read(postings[0]!, alive, false, slotCount);
    for (let i = 1; i < postings.length && current.length > RECHECK_CHEAPER_BELOW; i++) {
      const p = postings[i]!;
      const length = postingLength(p);
      if (length > slotCount * DENSE_SHARE) break;
      const out = this.scratchFor(current.length, current.buffer === this.scratchA.buffer);
      // a bitmap costs one decode of the whole list when first made: worth it when it is held
      // already or when intersecting would decode most of the list anyway (skip entries let a few
      // candidates through a long list for a few blocks each)
      const viaBitmap =
        typeof p !== 'number' &&
        !(p instanceof Uint32Array) &&
        length * BITMAP_DENSITY >= slotCount &&
        (this.bitmaps.has(p) || current.length * BITMAP_WORTH_PER_CANDIDATE >= length);
      const n = viaBitmap
        ? keepMarked(current, this.bitmapOf(p), out)
        : postingIntersect(current, current.length, p, out);
      current = out.subarray(0, n);
    }
    return current;
  }

  /** Gives back the growth room of every posting list (after a bulk load: about a fifth of their bytes). */
  trim(): void {
    for (const map of [this.bigrams, this.singles])
      for (const [key, p] of map) {
        const trimmed = postingTrim(p);
        if (trimmed !== p) map.set(key, trimmed);
      }
  }

  clear(): void {
    this.bitmaps.clear();
    this.decoded.clear();
    this.decodedBytes = 0;
    this.charIds.fill(-1);
    this.nextCharId = 0;
    this.bigrams.clear();
    this.singles.clear();
  }

  /** Distinct posting lists held (a size indicator for diagnostics). */
  get size(): number {
    return this.bigrams.size + this.singles.size;
  }

  /**
   * A posting's live slots: a long packed list from its decoded copy (as is when no slot is dead,
   * else filtered into a scratch buffer), anything else decoded into a scratch buffer. Read only.
   */
  private read(p: Posting, alive: Uint8Array | undefined, avoidA: boolean, slotCount: number): Uint32Array {
    if (typeof p !== 'number' && !(p instanceof Uint32Array) && p.count * BITMAP_DENSITY >= slotCount) {
      // a dense list: its bitmap (kept for intersections anyway) lists it faster than its varints,
      // and holding it costs a bit per slot instead of a decoded copy's 32 bits per entry
      const out = this.scratchFor(p.count, avoidA);
      return out.subarray(0, markedSlots(this.bitmapOf(p), alive, out));
    }
    if (typeof p !== 'number' && !(p instanceof Uint32Array) && p.count >= DECODED_MIN) {
      const all = this.decodedCopy(p);
      if (alive === undefined) return all;
      const out = this.scratchFor(all.length, avoidA);
      let n = 0;
      for (let i = 0; i < all.length; i++) if (alive[all[i]!] === 1) out[n++] = all[i]!;
      return out.subarray(0, n);
    }
    const out = this.scratchFor(postingLength(p), avoidA);
    return out.subarray(0, postingDecode(p, out, alive));
  }

  private decodedCopy(p: PackedList): Uint32Array {
    const held = this.decoded.get(p);
    if (held) {
      this.decoded.delete(p); // most recently used last
      if (held.count === p.count) {
        this.decoded.set(p, held);
        return held.slots;
      }
      this.decodedBytes -= held.slots.byteLength; // the list grew since
    }
    const slots = new Uint32Array(p.count);
    postingDecode(p, slots);
    this.decoded.set(p, { count: p.count, slots });
    this.decodedBytes += slots.byteLength;
    for (const [oldest, old] of this.decoded) {
      if (this.decodedBytes <= DECODED_BYTES || oldest === p) break;
      this.decoded.delete(oldest);
      this.decodedBytes -= old.slots.byteLength;
    }
    return slots;
  }

  /**
   * The list as a bitmap (dead slots included: candidates are live already). A list that grew
   * since (new listings append) has only its new bytes decoded into the bitmap it had.
   */
  private bitmapOf(p: PackedList): Uint32Array {
    let held = this.bitmaps.get(p);
    if (held) this.bitmaps.delete(p); // most recently used last
    const words = (p.last >>> 5) + 1;
    if (held === undefined || held.bits.length < words) {
      const bits = new Uint32Array(Math.max(words, Math.ceil(words * 1.25)));
      if (held) bits.set(held.bits);
      held = { used: held?.used ?? 0, last: held?.last ?? 0, bits };
    }
    if (held.used < p.used) {
      markSlots(p, held.used, held.last, held.bits);
      held.used = p.used;
      held.last = p.last;
    }
    this.bitmaps.set(p, held);
    if (this.bitmaps.size > BITMAPS_KEPT) this.bitmaps.delete(this.bitmaps.keys().next().value!);
    return held.bits;
  }

  private scratchFor(n: number, avoidA: boolean): Uint32Array {
    if (avoidA) {
      if (this.scratchB.length < n) this.scratchB = new Uint32Array(n * 2);
      return this.scratchB;
    }
    if (this.scratchA.length < n) this.scratchA = new Uint32Array(n * 2);
    return this.scratchA;
  }

  private bigramKey(c1: number, c2: number, create: boolean): number {
    const a = this.charId(c1, create);
    const b = this.charId(c2, create);
    return a < 0 || b < 0 ? -1 : a * 65536 + b;
  }

  private charId(c: number, create: boolean): number {
    const id = this.charIds[c]!;
    if (id >= 0 || !create) return id;
    this.charIds[c] = this.nextCharId;
    return this.nextCharId++;
  }

  /** Key of the bigram starting at `i`, or −1 (end of text, separator, unknown character). */
  private bigramAt(text: string, i: number, create: boolean): number {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 1;
    return next <= 1 ? -1 : this.bigramKey(text.charCodeAt(i), next, create);
  }

  private drop(map: Map<number, Posting>, key: number, slot: number): void {
    const p = map.get(key);
    const next = postingRemove(p, slot);
    if (next === undefined) map.delete(key);
    else if (next !== p) map.set(key, next);
  }
}

/** Sets the bit of every slot a packed list holds from byte `from` on (`last`: the slot before it). */
function markSlots(p: PackedList, from: number, last: number, bits: Uint32Array): void {
  const bytes = p.bytes;
  let v = from === 0 ? 0 : last;
  let at = from;
  while (at < p.used) {
    let b = bytes[at++]!;
    let gap = b & 0x7f;
    let shift = 128;
    while (b >= 0x80) {
      b = bytes[at++]!;
      gap += (b & 0x7f) * shift;
      shift *= 128;
    }
    v += gap;
    bits[v >>> 5]! |= 1 << (v & 31);
  }
}

/** The slots of `a` whose bit is set, into `out` (which may be `a` itself); returns how many. */
function keepMarked(a: Uint32Array, bits: Uint32Array, out: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const slot = a[i]!;
    if (((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0) out[n++] = slot;
  }
  return n;
}

/** The slots whose bit is set, ascending, into `out` (live ones only when `alive` is given). */
function markedSlots(bits: Uint32Array, alive: Uint8Array | undefined, out: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      const slot = w * 32 + 31 - Math.clz32(low);
      word ^= low;
      if (alive === undefined || alive[slot] === 1) out[n++] = slot;
    }
  }
  return n;
}
