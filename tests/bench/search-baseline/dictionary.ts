/** Dense ids for the distinct values of a facet field (region, court), so columns can be Uint16. */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  /** The id of `value`, assigned on first sight. */
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      if (id > 0xfffe) throw new RangeError('more than 65,535 distinct facet values');
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of `value`, or −1 when it was never seen. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}
