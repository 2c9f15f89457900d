import { PUBLIC_LISTING_FIELDS, type PublicListing } from '@portal/domain';
import type { SearchDocument } from './search-index.ts';

/** Public fields in contract order: the domain's one definition of what the public may see. */
export const PUBLIC_FIELDS = PUBLIC_LISTING_FIELDS;

const MAX_INTERNED_PER_FIELD = 100_000;

/** Keeps one copy of each repeated string value per field (bounded, so unique texts do not pile up). */
export class StringInterner {
  private readonly pools = new Map<string, Map<string, string>>();

  intern(field: string, value: string): string {
    let pool = this.pools.get(field);
    if (!pool) {
      pool = new Map();
      this.pools.set(field, pool);
    }
    const known = pool.get(value);
    if (known !== undefined) return known;
    if (pool.size < MAX_INTERNED_PER_FIELD) pool.set(value, value);
    return value;
  }

  clear(): void {
    this.pools.clear();
  }
}

/**
 * The `PublicListing` part of a search document, without `version`, `identifierKey` or any extra
 * property, built as one fixed-shape object literal (V8 keeps its fields in-object: ~3× smaller
 * than an object grown property by property). Absent optional fields are held as `undefined`;
 * `toPublicCopy` drops them on the way out. Repeated strings are interned when an interner is given.
 */
export function toStoredListing(doc: SearchDocument, interner?: StringInterner): PublicListing {
  const i = (field: string, value: string) => (interner ? interner.intern(field, value) : value);
  const opt = (field: string, value: string | undefined) =>
    value === undefined ? undefined : i(field, value);
  return {
    id: doc.id,
    kind: doc.kind,
    name: doc.name,
    gender: doc.gender,
    age: doc.age,
    idNumberMasked: doc.idNumberMasked,
    uscc: doc.uscc,
    orgCode: doc.orgCode,
    legalRepresentative: doc.legalRepresentative,
    legalRepresentativeRole: doc.legalRepresentativeRole,
    caseNo: doc.caseNo,
    court: i('court', doc.court),
    filedAt: i('filedAt', doc.filedAt),
    basisIssuer: i('basisIssuer', doc.basisIssuer),
    basisDocNo: doc.basisDocNo,
    obligation: i('obligation', doc.obligation),
    performance: i('performance', doc.performance),
    category: doc.category,
    categoryLabel: i('categoryLabel', doc.categoryLabel),
    amountOwedFen: doc.amountOwedFen,
    livelihood: doc.livelihood,
    region: i('region', doc.region),
    listedAt: i('listedAt', doc.listedAt),
    termEndsAt: opt('termEndsAt', doc.termEndsAt ?? undefined) ?? null,
    demo: doc.demo,
  };
}

/** A copy for callers, in contract order, without the fields a listing does not have. */
export function toPublicCopy(stored: PublicListing): PublicListing {
  const out: Record<string, unknown> = {};
  const source = stored as unknown as Record<string, unknown>;
  for (const field of PUBLIC_FIELDS) if (source[field] !== undefined) out[field] = source[field];
  return out as unknown as PublicListing;
}
