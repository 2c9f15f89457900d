/**
 * The k best slots by (key ascending, then id ascending), kept in a bounded max-heap whose root
 * is the worst kept entry. A candidate's id is looked up only when its key ties with the root's.
 */
export class TopK {
  private readonly keys: Float64Array;
  private readonly slots: Uint32Array;
  private readonly ids: string[];
  private size = 0;
  private readonly k: number;
  private readonly idOf: (slot: number) => string;

  constructor(k: number, idOf: (slot: number) => string) {
    this.k = k;
    this.keys = new Float64Array(k);
    this.slots = new Uint32Array(k);
    this.ids = new Array<string>(k).fill('');
    this.idOf = idOf;
  }

  offer(key: number, slot: number): void {
    if (this.size < this.k) {
      const at = this.size++;
      this.keys[at] = key;
      this.slots[at] = slot;
      this.ids[at] = this.idOf(slot);
      this.siftUp(at);
      return;
    }
    if (this.k === 0) return;
    const rootKey = this.keys[0]!;
    if (key > rootKey) return;
    const id = this.idOf(slot);
    if (key === rootKey && id >= this.ids[0]!) return;
    this.keys[0] = key;
    this.slots[0] = slot;
    this.ids[0] = id;
    this.siftDown(0);
  }

  /** Whether `offer(key, slot)` would keep the slot now. */
  accepts(key: number, slot: number): boolean {
    if (this.size < this.k) return true;
    if (this.k === 0) return false;
    const rootKey = this.keys[0]!;
    return key < rootKey || (key === rootKey && this.idOf(slot) < this.ids[0]!);
  }

  /** The key an offer must not exceed to be kept (Infinity until `k` are kept). */
  bound(): number {
    return this.size < this.k ? Number.POSITIVE_INFINITY : this.keys[0]!;
  }

  /** Kept slots, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
    return order.map((i) => this.slots[i]!);
  }

  /** true when entry i ranks after entry j */
  private worse(i: number, j: number): boolean {
    const ki = this.keys[i]!;
    const kj = this.keys[j]!;
    return ki !== kj ? ki > kj : this.ids[i]! > this.ids[j]!;
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const s = this.slots[i]!;
    this.slots[i] = this.slots[j]!;
    this.slots[j] = s;
    const id = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = id;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.worse(l, worst)) worst = l;
      if (r < this.size && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
