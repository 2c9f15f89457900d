/**
 * Dense ids for the combinations of filterable values a listing carries (kind, category,
 * livelihood, region, court). A few hundred combinations cover millions of listings, so totals and
 * disjunctive facets for any filter set can be computed from a per-term histogram over
 * combinations instead of a pass over every match.
 */
export class ComboDictionary {
  private readonly ids = new Map<number, number>();
  readonly kind: number[] = [];
  readonly category: number[] = [];
  readonly livelihood: number[] = [];
  readonly region: number[] = [];
  readonly court: number[] = [];

  idOf(kind: number, category: number, livelihood: number, region: number, court: number): number {
    const key = (((kind * 8 + category) * 2 + livelihood) * 65536 + region) * 65536 + court;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.kind.length;
      this.ids.set(key, id);
      this.kind.push(kind);
      this.category.push(category);
      this.livelihood.push(livelihood);
      this.region.push(region);
      this.court.push(court);
    }
    return id;
  }

  get size(): number {
    return this.kind.length;
  }
}
