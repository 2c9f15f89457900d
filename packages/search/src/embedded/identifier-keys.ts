const KEY_BYTES = 32;

/**
 * identifierKey (keyed hash, 64 hex characters) → slots. One person or company can be listed in
 * several cases, so a key may map to several slots. The 32 key bytes of every slot sit in one
 * byte array and a chained hash table over slots (bucket from the key's first four bytes, which a
 * keyed hash spreads evenly) finds them: ~45 bytes per listing instead of a string and a map entry
 * each (~95 bytes per listing at 1M, measured).
 */
export class IdentifierKeys {
  // fields below are read and restored by snapshot.ts (the one definition of the snapshot format)
  /** 32 bytes per slot */
  bytes = new Uint8Array(0);
  /** 1 = the slot carries a key */
  has = new Uint8Array(0);
  /** bucket → first slot of its chain (−1 = empty) */
  private heads = new Int32Array(1024).fill(-1);
  /** slot → next slot in its bucket's chain (−1 = end) */
  private next = new Int32Array(0);
  private count = 0;

  set(slot: number, hexKey: string | undefined): void {
    if (hexKey === undefined) {
      this.detach(slot);
      return;
    }
    this.ensure(slot + 1);
    const key = Buffer.from(hexKey, 'hex');
    if (key.length !== KEY_BYTES) throw new RangeError('identifier key must be 32 bytes (64 hex characters)');
    if (
      this.has[slot] === 1 &&
      key.equals(this.bytes.subarray(KEY_BYTES * slot, KEY_BYTES * slot + KEY_BYTES))
    )
      return;
    this.detach(slot);
    this.bytes.set(key, KEY_BYTES * slot);
    this.attach(slot);
  }

  /** The hex key a slot carries. */
  keyOf(slot: number): string | undefined {
    if (this.has[slot] !== 1) return undefined;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + KEY_BYTES * slot, KEY_BYTES).toString(
      'hex',
    );
  }

  /** Slots carrying the hex `key`, ascending. */
  slotsFor(hexKey: string): Uint32Array {
    const key = Buffer.from(hexKey, 'hex');
    if (key.length !== KEY_BYTES) return new Uint32Array(0);
    const out: number[] = [];
    for (let s = this.heads[this.bucketOfKey(key, 0)]!; s >= 0; s = this.next[s]!)
      if (this.equalsAt(s, key)) out.push(s);
    return Uint32Array.from(out).sort();
  }

  clear(): void {
    this.bytes = new Uint8Array(0);
    this.has = new Uint8Array(0);
    this.heads = new Int32Array(1024).fill(-1);
    this.next = new Int32Array(0);
    this.count = 0;
  }

  /** Rebuilds the table from per-slot key bytes and marks (snapshot restore). */
  static fromArrays(bytes: Uint8Array<ArrayBuffer>, has: Uint8Array): IdentifierKeys {
    const keys = new IdentifierKeys();
    keys.bytes = bytes;
    keys.has = new Uint8Array(has.length);
    keys.next = new Int32Array(has.length).fill(-1);
    let n = 0;
    for (let slot = 0; slot < has.length; slot++) n += has[slot]!;
    keys.heads = new Int32Array(bucketsFor(n)).fill(-1);
    for (let slot = 0; slot < has.length; slot++) if (has[slot] === 1) keys.attach(slot);
    return keys;
  }

  private attach(slot: number): void {
    if (this.count + 1 > this.heads.length) this.rehash(this.heads.length * 2);
    const b = this.bucketOfKey(this.bytes, KEY_BYTES * slot);
    this.next[slot] = this.heads[b]!;
    this.heads[b] = slot;
    this.has[slot] = 1;
    this.count++;
  }

  private detach(slot: number): void {
    if (slot >= this.has.length || this.has[slot] !== 1) return;
    const b = this.bucketOfKey(this.bytes, KEY_BYTES * slot);
    let s = this.heads[b]!;
    if (s === slot) this.heads[b] = this.next[slot]!;
    else {
      while (this.next[s] !== slot) s = this.next[s]!;
      this.next[s] = this.next[slot]!;
    }
    this.next[slot] = -1;
    this.has[slot] = 0;
    this.count--;
  }

  private rehash(buckets: number): void {
    this.heads = new Int32Array(buckets).fill(-1);
    const live = this.count;
    this.count = 0;
    for (let slot = 0; slot < this.has.length && this.count < live; slot++)
      if (this.has[slot] === 1) {
        this.has[slot] = 0;
        this.attach(slot);
      }
  }

  private bucketOfKey(bytes: Uint8Array, at: number): number {
    const v = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
    return v & (this.heads.length - 1);
  }

  private equalsAt(slot: number, key: Uint8Array): boolean {
    const base = KEY_BYTES * slot;
    for (let i = 0; i < KEY_BYTES; i++) if (this.bytes[base + i] !== key[i]) return false;
    return true;
  }

  private ensure(length: number): void {
    if (length <= this.has.length) return;
    const capacity = Math.max(1024, length, Math.ceil(this.has.length * 1.5));
    const bytes = new Uint8Array(KEY_BYTES * capacity);
    bytes.set(this.bytes);
    this.bytes = bytes;
    const has = new Uint8Array(capacity);
    has.set(this.has);
    this.has = has;
    const next = new Int32Array(capacity).fill(-1);
    next.set(this.next);
    this.next = next;
  }
}

/** A power of two at least `n` (one bucket per key on average), 1,024 at least. */
function bucketsFor(n: number): number {
  let b = 1024;
  while (b < n) b *= 2;
  return b;
}
