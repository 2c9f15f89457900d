/**
 * Slots written since the sort orders were built (the "base"). Sort orders and term entries describe
 * the base; a slot written since is skipped there and served from the small delta instead, so a
 * write costs no rebuild. Once the log is long enough the base is rebuilt (amortised).
 */
export class WriteLog {
  /** every write in order (a slot written twice appears twice) */
  readonly slots: number[] = [];
  /** per write: the slot's combo id just before it (−1 = not live), to replay writes onto a newer base */
  readonly combos: number[] = [];
  /** slot → index in `slots` of its first write since the base */
  private readonly firstWrite = new Map<number, number>();
  /** slot → its combo id in the base, or −1 when it was not live in the base */
  private readonly baseCombo = new Map<number, number>();
  private marks = new Uint8Array(1024);

  /** Records a write to `slot`; `combo` is its combo id before the write (−1 = not live). */
  record(slot: number, combo: number): void {
    if (!this.isDirty(slot)) {
      if (slot >= this.marks.length) {
        const grown = new Uint8Array(Math.max(slot + 1, this.marks.length * 2));
        grown.set(this.marks);
        this.marks = grown;
      }
      this.marks[slot] = 1;
      this.firstWrite.set(slot, this.slots.length);
      this.baseCombo.set(slot, combo);
    }
    this.slots.push(slot);
    this.combos.push(combo);
  }

  /** A log for a base taken when this one was `from` writes long: the writes since, replayed. */
  since(from: number): WriteLog {
    const log = new WriteLog();
    for (let i = from; i < this.slots.length; i++) log.record(this.slots[i]!, this.combos[i]!);
    return log;
  }

  isDirty(slot: number): boolean {
    return slot < this.marks.length && this.marks[slot] === 1;
  }

  /** The mark array (1 = written since the base) for tight loops; may be shorter than the slots. */
  get dirtyMarks(): Uint8Array {
    return this.marks;
  }

  /** Index in `slots` of the slot's first write since the base (−1 = none). */
  firstWriteOf(slot: number): number {
    return this.firstWrite.get(slot) ?? -1;
  }

  /** The slot's combo id in the base (−1 = not live in the base or never written). */
  baseComboOf(slot: number): number {
    return this.baseCombo.get(slot) ?? -1;
  }

  get length(): number {
    return this.slots.length;
  }

  clear(): void {
    this.slots.length = 0;
    this.combos.length = 0;
    this.firstWrite.clear();
    this.baseCombo.clear();
    this.marks = new Uint8Array(1024);
  }
}
