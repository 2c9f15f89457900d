/**
 * The one definition of what the public may see (法释〔2017〕7号 art. 6). `toPublicListing` builds
 * the public JSON key by key from the stored record, never by spreading it, so a column added to
 * the database can never leak to search, site, screens or share cards.
 */
import { ageOn } from './age.ts';
import { categoryLabel } from './categories.ts';
import { DomainInvariantError } from './errors.ts';
import { type Gender, maskIdNumber, parseIdNumber } from './id-number.ts';
import type {
  CategoryCode,
  LegalRepresentativeRole,
  ListingKind,
  ListingStatus,
  PublicListing,
  RemovalReason,
} from './listing-types.ts';
import { isExpired } from './term.ts';

/** A listing as stored in the system of record (staff view; holds the full ID number). */
export interface ListingRecord {
  id: string;
  status: ListingStatus;
  kind: ListingKind;
  name: string;
  /** persons: full ID number, never public */
  idNumber?: string | null;
  /** persons: from the ID number */
  birthDate?: string | null;
  gender?: Gender | null;
  uscc?: string | null;
  /** organisations without a credit code: GB 11714 organisation code */
  orgCode?: string | null;
  legalRepresentative?: string | null;
  /** 法定代表人 (default when absent) or 负责人 */
  legalRepresentativeRole?: LegalRepresentativeRole | null;
  caseNo: string;
  court: string;
  filedAt: string;
  basisIssuer: string;
  basisDocNo: string;
  obligation: string;
  performance: string;
  category: CategoryCode;
  amountOwedFen: number;
  livelihood: boolean;
  region: string;
  /** null until published */
  listedAt: string | null;
  termExtensionYears?: number | null;
  /** null for category 1 or before publication */
  termEndsAt: string | null;
  unitId: string | null;
  demo: boolean;
  removedAt: string | null;
  removalReason: RemovalReason | null;
}

/** Every key a public listing may carry, in display order. */
export const PUBLIC_LISTING_FIELDS = [
  'id',
  'kind',
  'name',
  'gender',
  'age',
  'idNumberMasked',
  'uscc',
  'orgCode',
  'legalRepresentative',
  'legalRepresentativeRole',
  'caseNo',
  'court',
  'filedAt',
  'basisIssuer',
  'basisDocNo',
  'obligation',
  'performance',
  'category',
  'categoryLabel',
  'amountOwedFen',
  'livelihood',
  'region',
  'listedAt',
  'termEndsAt',
  'demo',
] as const satisfies readonly (keyof PublicListing)[];

/** Keys only persons carry, and keys only organisations carry. */
export const PERSON_ONLY_FIELDS = ['gender', 'age', 'idNumberMasked'] as const;
export const ORG_ONLY_FIELDS = ['uscc', 'orgCode', 'legalRepresentative', 'legalRepresentativeRole'] as const;

/**
 * True when the record may be shown to the public on `today`: published, not removed, term not over.
 * An expired listing stays hidden even before the removal job has run.
 * @example
 * isPubliclyVisible(record, '2025-06-01') // false once record.termEndsAt < '2025-06-01'
 */
export function isPubliclyVisible(
  rec: Pick<ListingRecord, 'status' | 'removedAt' | 'listedAt' | 'termEndsAt'>,
  today: string,
): boolean {
  return (
    rec.status === 'published' &&
    rec.removedAt === null &&
    rec.listedAt !== null &&
    !isExpired(rec.termEndsAt, today)
  );
}

/**
 * The public JSON of a listing (CONTRACT.md `Listing`): exactly the allowed fields, the ID number
 * masked, age computed on the listing date. Throws DomainInvariantError for a record without a
 * listing date (never published) or a person record whose ID number is unusable.
 * @example
 * toPublicListing(record).idNumberMasked // '4601031980****1234'
 */
export function toPublicListing(rec: ListingRecord): PublicListing {
  if (rec.listedAt === null)
    throw new DomainInvariantError(`listing ${rec.id} has no listedAt: not published`);
  const out: PublicListing = {
    id: rec.id,
    kind: rec.kind,
    name: rec.name,
    caseNo: rec.caseNo,
    court: rec.court,
    filedAt: rec.filedAt,
    basisIssuer: rec.basisIssuer,
    basisDocNo: rec.basisDocNo,
    obligation: rec.obligation,
    performance: rec.performance,
    category: rec.category,
    categoryLabel: categoryLabel(rec.category),
    amountOwedFen: rec.amountOwedFen,
    livelihood: rec.livelihood,
    region: rec.region,
    listedAt: rec.listedAt,
    termEndsAt: rec.termEndsAt,
    demo: rec.demo,
  };
  if (rec.kind === 'person') {
    const person = personFields(rec, rec.listedAt);
    out.gender = person.gender;
    out.age = person.age;
    out.idNumberMasked = person.idNumberMasked;
  } else {
    // art. 6 ¶1 (一): the organisation's code (credit code, or organisation code when it has none)
    // and the name of its 法定代表人 or 负责人, with which of the two it is
    out.uscc = rec.uscc ?? '';
    if (rec.orgCode) out.orgCode = rec.orgCode;
    out.legalRepresentative = rec.legalRepresentative ?? '';
    if (out.legalRepresentative !== '')
      out.legalRepresentativeRole = rec.legalRepresentativeRole ?? '法定代表人';
  }
  return orderKeys(out);
}

function personFields(
  rec: ListingRecord,
  listedAt: string,
): { gender: Gender; age: number; idNumberMasked: string } {
  // Stored IDs were validated on input; parse again only to derive what the row may lack.
  const parsed = parseIdNumber(rec.idNumber ?? '', { today: '9999-12-31' });
  const birthDate = rec.birthDate ?? (parsed.ok ? parsed.birthDate : null);
  const gender = rec.gender ?? (parsed.ok ? parsed.gender : null);
  if (!birthDate || !gender || !rec.idNumber) {
    throw new DomainInvariantError(`listing ${rec.id}: person without a usable ID number`);
  }
  return { gender, age: ageOn(birthDate, listedAt), idNumberMasked: maskIdNumber(rec.idNumber) };
}

function orderKeys(l: PublicListing): PublicListing {
  const ordered: Record<string, unknown> = {};
  for (const k of PUBLIC_LISTING_FIELDS) if (l[k] !== undefined) ordered[k] = l[k];
  return ordered as unknown as PublicListing;
}
