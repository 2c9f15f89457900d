import type { PublicListing } from '@portal/domain';
import { ComboDictionary } from './combos.ts';
import { Dictionary } from './dictionary.ts';

export const KIND_CODES = ['person', 'org'] as const;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (0 when unparseable). */
export function dayNumber(date: string): number {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : 0;
}

/**
 * Columnar per-slot values for filters, facets and sorting, in typed arrays so that a pass over
 * hundreds of thousands of matches stays in the low milliseconds.
 */
export class Columns {
  capacity = 0;
  /** slots handed out so far (live and dead) */
  length = 0;
  alive = new Uint8Array(0);
  kind = new Uint8Array(0);
  category = new Uint8Array(0);
  livelihood = new Uint8Array(0);
  region = new Uint16Array(0);
  court = new Uint16Array(0);
  nameLength = new Uint16Array(0);
  /** `nameFirstMark` (match-tier.ts); not in the snapshot file: set from the haystacks on load */
  nameFirst = new Uint16Array(0);
  listedDay = new Int32Array(0);
  amount = new Float64Array(0);
  version = new Float64Array(0);
  /** id of the slot's filter-value combination (see `ComboDictionary`) */
  combo = new Uint32Array(0);
  readonly combos = new ComboDictionary();
  readonly regions = new Dictionary();
  readonly courts = new Dictionary();

  /** A new slot at the end (slots are never reused, so posting lists stay append-ordered). */
  allocate(): number {
    if (this.length === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    return this.length++;
  }

  write(slot: number, doc: PublicListing, version: number, nameLength: number, nameFirst: number): void {
    this.alive[slot] = 1;
    this.kind[slot] = doc.kind === 'org' ? 1 : 0;
    this.category[slot] = doc.category;
    this.livelihood[slot] = doc.livelihood ? 1 : 0;
    this.region[slot] = this.regions.idOf(doc.region);
    this.court[slot] = this.courts.idOf(doc.court);
    this.nameLength[slot] = Math.min(nameLength, 0xffff);
    this.nameFirst[slot] = nameFirst;
    this.listedDay[slot] = dayNumber(doc.listedAt);
    this.amount[slot] = doc.amountOwedFen;
    this.version[slot] = version;
    this.combo[slot] = this.combos.idOf(
      this.kind[slot]!,
      this.category[slot]!,
      this.livelihood[slot]!,
      this.region[slot]!,
      this.court[slot]!,
    );
  }

  kill(slot: number): void {
    this.alive[slot] = 0;
  }

  private grow(capacity: number): void {
    const grown = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ) => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.alive = grown(this.alive, (n) => new Uint8Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.category = grown(this.category, (n) => new Uint8Array(n));
    this.livelihood = grown(this.livelihood, (n) => new Uint8Array(n));
    this.region = grown(this.region, (n) => new Uint16Array(n));
    this.court = grown(this.court, (n) => new Uint16Array(n));
    this.nameLength = grown(this.nameLength, (n) => new Uint16Array(n));
    this.nameFirst = grown(this.nameFirst, (n) => new Uint16Array(n));
    this.listedDay = grown(this.listedDay, (n) => new Int32Array(n));
    this.amount = grown(this.amount, (n) => new Float64Array(n));
    this.version = grown(this.version, (n) => new Float64Array(n));
    this.combo = grown(this.combo, (n) => new Uint32Array(n));
    this.capacity = capacity;
  }
}
