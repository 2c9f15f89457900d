import { PUBLIC_LISTING_FIELDS, type PublicListing } from '@portal/domain';

const SEPARATOR = '\u0001';
/**
 * free-text fields, joined into one string per slot (absent ones flagged in `present`, one bit
 * each: at most 16). The obligation is written per case (amounts in it): nearly one distinct value
 * per listing, so a value list would cost a string, a list slot and a map entry each.
 */
const TEXT_FIELDS = [
  'id',
  'name',
  'idNumberMasked',
  'uscc',
  'legalRepresentative',
  'caseNo',
  'basisDocNo',
  'orgCode',
  'obligation',
] as const;
/** fields with few distinct values, held as ids into a per-field list of values */
const CODED_FIELDS = [
  'kind',
  'gender',
  'legalRepresentativeRole',
  'court',
  'filedAt',
  'basisIssuer',
  'performance',
  'categoryLabel',
  'region',
  'listedAt',
  'termEndsAt',
] as const;
/** the amount (any number); `undefined` is held as NaN */
const NUMBER_FIELDS = ['amountOwedFen'] as const;
/** small integers 0–254 (age, category); 255 = absent */
const SMALL_FIELDS = ['age', 'category'] as const;
const ABSENT_SMALL = 255;
const FLAG_FIELDS = ['livelihood', 'demo'] as const;

type Coded = string | null | undefined;

for (const field of PUBLIC_LISTING_FIELDS)
  if (
    ![TEXT_FIELDS, CODED_FIELDS, NUMBER_FIELDS, SMALL_FIELDS, FLAG_FIELDS].some((list) =>
      (list as readonly string[]).includes(field),
    )
  )
    throw new Error(`ListingStore does not hold the public field ${field}`);

const isSmall = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < ABSENT_SMALL;

/** Ids for the distinct values of one field (`undefined` and `null` included). */
export class ValueCodes {
  private readonly ids = new Map<Coded, number>();
  readonly values: Coded[] = [];

  idOf(value: Coded): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/**
 * The public listings per slot, packed: one string for the free-text fields, typed columns for
 * the rest (ids into per-field value lists, numbers, flags). Millions of listings then cost a
 * string and a few bytes each instead of a 23-field object plus its strings; a listing is
 * rebuilt only when it is shown (a page at a time). A listing whose text contains the separator
 * (or an age or category outside 0–254) is kept whole.
 */
export class ListingStore {
  // fields below are read and restored by snapshot.ts (the one definition of the snapshot format)
  texts: string[] = [];
  present = new Uint16Array(0);
  readonly codes = CODED_FIELDS.map(() => new ValueCodes());
  /** value ids per coded field: 16 bits until a field has more than 65,536 distinct values */
  coded: (Uint16Array | Uint32Array)[] = CODED_FIELDS.map(() => new Uint16Array(0));
  numbers = NUMBER_FIELDS.map(() => new Float64Array(0));
  small = SMALL_FIELDS.map(() => new Uint8Array(0));
  flags = new Uint8Array(0);
  readonly whole = new Map<number, PublicListing>();

  set(slot: number, doc: PublicListing): void {
    this.ensure(slot + 1);
    const values = TEXT_FIELDS.map((f) => doc[f]);
    if (
      values.some((v) => v !== undefined && (typeof v !== 'string' || v.includes(SEPARATOR))) ||
      SMALL_FIELDS.some((f) => doc[f] !== undefined && !isSmall(doc[f]))
    ) {
      this.whole.set(slot, doc);
      this.texts[slot] = '';
      return;
    }
    this.whole.delete(slot);
    let mask = 0;
    values.forEach((v, i) => {
      if (v !== undefined) mask |= 1 << i;
    });
    this.present[slot] = mask;
    this.texts[slot] = values.map((v) => v ?? '').join(SEPARATOR);
    CODED_FIELDS.forEach((f, i) => {
      const id = this.codes[i]!.idOf(doc[f] as Coded);
      let column = this.coded[i]!;
      if (id > 0xffff && column instanceof Uint16Array) {
        column = Uint32Array.from(column);
        this.coded[i] = column;
      }
      column[slot] = id;
    });
    NUMBER_FIELDS.forEach((f, i) => {
      this.numbers[i]![slot] = doc[f] ?? Number.NaN;
    });
    SMALL_FIELDS.forEach((f, i) => {
      const v = doc[f];
      this.small[i]![slot] = v === undefined ? ABSENT_SMALL : v;
    });
    this.flags[slot] = (doc.livelihood ? 1 : 0) | (doc.demo ? 2 : 0);
  }

  /**
   * A fresh copy of the listing in contract field order (PUBLIC_LISTING_FIELDS; the test checks
   * the order), without the fields it does not have. Written out field by field: this runs for
   * every hit shown, and named stores in a fixed order keep it at about a microsecond.
   */
  get(slot: number): PublicListing {
    const kept = this.whole.get(slot);
    if (kept) return toOrderedCopy(kept);
    const mask = this.present[slot]!;
    const packed = this.texts[slot]!;
    const t: string[] = [];
    let from = 0;
    for (let i = 0; i < TEXT_FIELDS.length; i++) {
      const to = i === TEXT_FIELDS.length - 1 ? packed.length : packed.indexOf(SEPARATOR, from);
      t.push(packed.slice(from, to));
      from = to + 1;
    }
    const code = (i: number) => this.codes[i]!.values[this.coded[i]![slot]!];
    const num = (i: number) => this.numbers[i]![slot]!;
    const small = (i: number) => this.small[i]![slot]!;
    const flags = this.flags[slot]!;
    const o: Record<string, unknown> = {};
    o.id = t[0];
    o.kind = code(0);
    if (mask & 2) o.name = t[1];
    const gender = code(1);
    if (gender !== undefined) o.gender = gender;
    const age = small(0);
    if (age !== ABSENT_SMALL) o.age = age;
    if (mask & 4) o.idNumberMasked = t[2];
    if (mask & 8) o.uscc = t[3];
    if (mask & 128) o.orgCode = t[7];
    if (mask & 16) o.legalRepresentative = t[4];
    const role = code(2);
    if (role !== undefined) o.legalRepresentativeRole = role;
    if (mask & 32) o.caseNo = t[5];
    o.court = code(3);
    o.filedAt = code(4);
    o.basisIssuer = code(5);
    if (mask & 64) o.basisDocNo = t[6];
    o.obligation = t[8];
    o.performance = code(6);
    o.category = small(1);
    o.categoryLabel = code(7);
    o.amountOwedFen = num(0);
    o.livelihood = (flags & 1) === 1;
    o.region = code(8);
    o.listedAt = code(9);
    const termEndsAt = code(10);
    if (termEndsAt !== undefined) o.termEndsAt = termEndsAt;
    o.demo = (flags & 2) === 2;
    return o as unknown as PublicListing;
  }

  delete(slot: number): void {
    this.whole.delete(slot);
    this.texts[slot] = '';
  }

  private ensure(length: number): void {
    if (length <= this.present.length) return;
    const capacity = Math.max(1024, length, this.present.length * 2);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.present = grow(this.present, new Uint16Array(capacity));
    this.flags = grow(this.flags, new Uint8Array(capacity));
    this.coded = this.coded.map((c) =>
      c instanceof Uint16Array ? grow(c, new Uint16Array(capacity)) : grow(c, new Uint32Array(capacity)),
    );
    this.numbers = this.numbers.map((c) => grow(c, new Float64Array(capacity)));
    this.small = this.small.map((c) => grow(c, new Uint8Array(capacity)));
  }
}

function toOrderedCopy(doc: PublicListing): PublicListing {
  const out: Record<string, unknown> = {};
  const source = doc as unknown as Record<string, unknown>;
  for (const field of PUBLIC_LISTING_FIELDS) if (source[field] !== undefined) out[field] = source[field];
  return out as unknown as PublicListing;
}
