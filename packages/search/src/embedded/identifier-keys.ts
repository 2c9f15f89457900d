/**
 * identifierKey (keyed hash) → slots. One person or company can be listed in several cases, so a
 * key may map to several slots. Keys are held as 32-character binary strings (not 64 hex
 * characters) and a key with one slot maps to a bare number: ~70 bytes per listing at 1M.
 */
export class IdentifierKeys {
  private readonly slotsByKey = new Map<string, number | number[]>();
  /** slot → 32-character binary key (read and restored by snapshot.ts) */
  keyBySlot: (string | undefined)[] = [];

  set(slot: number, hexKey: string | undefined): void {
    this.setBinary(slot, hexKey === undefined ? undefined : Buffer.from(hexKey, 'hex').toString('latin1'));
  }

  /** `set` with the key already in its 32-character binary form (snapshot restore). */
  setBinary(slot: number, key: string | undefined): void {
    const old = this.keyBySlot[slot];
    if (old === key) return;
    if (old !== undefined) this.detach(old, slot);
    this.keyBySlot[slot] = key;
    if (key === undefined) return;
    const held = this.slotsByKey.get(key);
    if (held === undefined) this.slotsByKey.set(key, slot);
    else
      this.slotsByKey.set(
        key,
        [...(typeof held === 'number' ? [held] : held), slot].sort((a, b) => a - b),
      );
  }

  /** The hex key a slot carries. */
  keyOf(slot: number): string | undefined {
    const key = this.keyBySlot[slot];
    return key === undefined ? undefined : Buffer.from(key, 'latin1').toString('hex');
  }

  /** Slots carrying the hex `key`, ascending. */
  slotsFor(hexKey: string): Uint32Array {
    const held = this.slotsByKey.get(Buffer.from(hexKey, 'hex').toString('latin1'));
    if (held === undefined) return new Uint32Array(0);
    return typeof held === 'number' ? Uint32Array.of(held) : Uint32Array.from(held);
  }

  clear(): void {
    this.slotsByKey.clear();
    this.keyBySlot = [];
  }

  private detach(key: string, slot: number): void {
    const held = this.slotsByKey.get(key);
    if (held === undefined || held === slot) {
      this.slotsByKey.delete(key);
      return;
    }
    if (typeof held === 'number') return;
    const rest = held.filter((s) => s !== slot);
    this.slotsByKey.set(key, rest.length === 1 ? rest[0]! : rest);
  }
}
