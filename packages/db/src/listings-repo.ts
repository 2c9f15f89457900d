/**
 * Thin helpers over the `listings` table for the API. Validation is the caller's job
 * (`validateListingDraft` from @portal/domain); these only store and move rows.
 */
import {
  type LegalRepresentativeRole,
  type ListingDraftInput,
  type ListingRecord,
  type ListingStatus,
  listingTermEndsAt,
  parseIdNumber,
  type RemovalReason,
  todayInChina,
} from '@portal/domain';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { bulkInsert } from './bulk-insert.ts';
import type { Database } from './client.ts';
import { type IdNumberVault, sealIdNumber } from './id-number-vault.ts';
import { newId } from './ids.ts';
import { type ListingRow, listings, type NewListingRow } from './schema/index.ts';

/**
 * A validated draft; `birthDate`/`gender` are derived from the ID number when absent. A draft
 * whose `listedAtGiven` is false carries a defaulted `listedAt` that is not stored: the listing is
 * dated by its publication (art. 2 term; issue 14 item 9).
 */
export type ListingInput = ListingDraftInput & {
  birthDate?: string;
  id?: string;
  listedAtGiven?: boolean;
};

export interface InsertListingsOptions {
  /** rows per INSERT statement (default 1,000) */
  batchSize?: number;
  /** 'published' stores the rows as already published (demo seeding, imports of live lists) */
  status?: 'draft' | 'published';
  /** listing date for published rows without one (default: today in China) */
  today?: string;
  /** encrypts persons' full ID numbers; required when an input carries one */
  vault?: IdNumberVault;
}

/** Maps an input to a row. Published rows get listedAt, termEndsAt and publishedAt. */
export function toNewListingRow(input: ListingInput, opts: InsertListingsOptions = {}): NewListingRow {
  const person = input.kind === 'person' && input.idNumber ? parseIdNumber(input.idNumber) : undefined;
  const published = opts.status === 'published';
  const given = input.listedAtGiven === false ? undefined : input.listedAt;
  const listedAt = given ?? (published ? (opts.today ?? todayInChina()) : undefined);
  const id = input.id ?? newId('L');
  const fullId = input.kind === 'person' ? input.idNumber : undefined;
  if (fullId && !opts.vault) throw new Error('toNewListingRow: a vault is required to store an ID number');
  const sealed = fullId && opts.vault ? sealIdNumber(opts.vault, fullId, id) : undefined;
  const isOrg = input.kind === 'org';
  return {
    id,
    status: opts.status ?? 'draft',
    kind: input.kind,
    name: input.name,
    idNumberEnc: sealed?.idNumberEnc ?? null,
    idNumberHash: sealed?.idNumberHash ?? null,
    idNumberMasked: sealed?.idNumberMasked ?? null,
    birthDate: input.birthDate ?? (person?.ok ? person.birthDate : null),
    gender: input.gender ?? (person?.ok ? person.gender : null),
    uscc: isOrg ? (input.uscc ?? null) : null,
    orgCode: isOrg ? (input.orgCode ?? null) : null,
    legalRepresentative: isOrg ? (input.legalRepresentative ?? null) : null,
    legalRepresentativeRole:
      isOrg && input.legalRepresentative ? (input.legalRepresentativeRole ?? '法定代表人') : null,
    decisionDocNo: input.decisionDocNo ?? null,
    decisionDate: input.decisionDate ?? null,
    termExtensionGround: input.termExtensionGround ?? null,
    termExtensionDecisionNo: input.termExtensionDecisionNo ?? null,
    applicant: input.applicant ?? null,
    caseNo: input.caseNo,
    court: input.court,
    filedAt: input.filedAt,
    basisIssuer: input.basisIssuer,
    basisDocNo: input.basisDocNo,
    obligation: input.obligation,
    performance: input.performance,
    category: input.category,
    amountOwedFen: input.amountOwedFen,
    livelihood: input.livelihood,
    region: input.region,
    listedAt: listedAt ?? null,
    termExtensionYears: input.termExtensionYears ?? null,
    termEndsAt: listedAt
      ? listingTermEndsAt({
          category: input.category,
          listedAt,
          decisionDate: input.decisionDate ?? null,
          termExtensionYears: input.termExtensionYears ?? 0,
        })
      : null,
    unitId: input.unitId ?? null,
    demo: input.demo ?? false,
    publishedAt: published ? new Date() : null,
  };
}

/**
 * Inserts listings in batches (one statement per batch); returns their ids in input order.
 * Accepts any iterable, so a generator can stream large sets without holding them.
 *
 * @example
 * const ids = await insertListings(db, drafts); // drafts
 * await insertListings(db, generateDemoListings({ count: 2000 }), { status: 'published' });
 */
export async function insertListings(
  db: Database,
  inputs: Iterable<ListingInput>,
  opts: InsertListingsOptions = {},
): Promise<string[]> {
  const batchSize = opts.batchSize ?? 1000;
  const ids: string[] = [];
  let batch: NewListingRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await bulkInsert(db, listings, batch);
    for (const row of batch) ids.push(row.id);
    batch = [];
  };
  for (const input of inputs) {
    batch.push(toNewListingRow(input, opts));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return ids;
}

export async function getListing(db: Database, id: string): Promise<ListingRow | undefined> {
  const [row] = await db.select().from(listings).where(eq(listings.id, id));
  return row;
}

export interface ListByStatusOptions {
  status: ListingStatus;
  /** from 1 */
  page?: number;
  /** default 20 */
  pageSize?: number;
  /** restrict to one execution unit */
  unitId?: string;
}

/** One page of listings in a status, newest first, and the total. */
export async function listByStatus(
  db: Database,
  opts: ListByStatusOptions,
): Promise<{ items: ListingRow[]; total: number }> {
  const pageSize = opts.pageSize ?? 20;
  const page = Math.max(1, opts.page ?? 1);
  const where = and(
    eq(listings.status, opts.status),
    opts.unitId ? eq(listings.unitId, opts.unitId) : undefined,
  );
  const [items, total] = await Promise.all([
    db
      .select()
      .from(listings)
      .where(where)
      .orderBy(desc(listings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.$count(listings, where),
  ]);
  return { items, total };
}

export type StatusChange =
  | { status: 'published'; today?: string }
  | { status: 'removed'; reason: RemovalReason };

/** The status a listing must be in to make each move. */
const MOVES_FROM: Record<StatusChange['status'], ListingStatus> = {
  published: 'draft',
  removed: 'published',
};

/**
 * Publishes a draft or removes a published listing (the trigger bumps `version`). Publishing fills
 * listedAt (kept if set), termEndsAt and publishedAt; removing fills removedAt and the reason.
 * Returns undefined when the listing does not exist, is not a draft (publish) / published (remove),
 * or (given `expectedVersion`) was changed meanwhile.
 */
export async function setListingStatus(
  db: Database,
  id: string,
  change: StatusChange,
  opts: { expectedVersion?: number } = {},
): Promise<ListingRow | undefined> {
  const conditions: SQL[] = [eq(listings.id, id), eq(listings.status, MOVES_FROM[change.status])];
  if (opts.expectedVersion !== undefined) conditions.push(eq(listings.version, opts.expectedVersion));
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(listings)
      .where(and(...conditions))
      .for('update');
    if (!current) return undefined;
    const [row] = await tx
      .update(listings)
      .set(statusFields(current, change))
      .where(eq(listings.id, id))
      .returning();
    return row;
  });
}

function statusFields(current: ListingRow, change: StatusChange): Partial<NewListingRow> {
  if (change.status === 'published') {
    const listedAt = current.listedAt ?? change.today ?? todayInChina();
    return {
      status: 'published',
      listedAt,
      termEndsAt: listingTermEndsAt({ ...current, listedAt }),
      publishedAt: new Date(),
      removedAt: null,
      removalReason: null,
    };
  }
  return { status: 'removed', removedAt: new Date(), removalReason: change.reason };
}

/**
 * The domain's stored-record shape (input of `toPublicListing`, `isPubliclyVisible`) WITHOUT the
 * full ID number: `idNumber` holds the masked form, which is all a public surface may derive.
 * Staff views use `toStaffListingRecord`, which decrypts.
 */
export function toListingRecord(row: ListingRow): ListingRecord {
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    name: row.name,
    idNumber: row.idNumberMasked,
    birthDate: row.birthDate,
    gender: row.gender,
    uscc: row.uscc,
    orgCode: row.orgCode,
    legalRepresentative: row.legalRepresentative,
    legalRepresentativeRole: row.legalRepresentativeRole,
    caseNo: row.caseNo,
    court: row.court,
    filedAt: row.filedAt,
    basisIssuer: row.basisIssuer,
    basisDocNo: row.basisDocNo,
    obligation: row.obligation,
    performance: row.performance,
    category: row.category,
    amountOwedFen: row.amountOwedFen,
    livelihood: row.livelihood,
    region: row.region,
    listedAt: row.listedAt,
    termExtensionYears: row.termExtensionYears,
    termEndsAt: row.termEndsAt,
    unitId: row.unitId,
    demo: row.demo,
    removedAt: row.removedAt ? row.removedAt.toISOString() : null,
    removalReason: row.removalReason,
  };
}

/** The stored record as staff see it (full fields): the ID number decrypted, decision and term details, removal clock. */
export interface StaffListingRecord extends ListingRecord {
  idNumberMasked: string | null;
  orgCode: string | null;
  legalRepresentativeRole: LegalRepresentativeRole | null;
  decisionDocNo: string | null;
  decisionDate: string | null;
  termExtensionGround: string | null;
  termExtensionDecisionNo: string | null;
  termExtensionDecisionDate: string | null;
  applicant: string | null;
  publishedAt: string | null;
  removalEventDate: string | null;
  /** `withdrawn`: the creditor whose written request removed it (art. 10 ¶4 bars that creditor) */
  removalCreditor: string | null;
  purgedAt: string | null;
  version: number;
}

/**
 * The staff view of a row. Decrypts the full ID number: callers audit every such read
 * (issue 14 item 3: 每次查看完整信息均留痕).
 */
export function toStaffListingRecord(row: ListingRow, vault: IdNumberVault): StaffListingRecord {
  return {
    ...toListingRecord(row),
    idNumber: row.idNumberEnc ? vault.open(row.idNumberEnc, row.id) : null,
    idNumberMasked: row.idNumberMasked,
    orgCode: row.orgCode,
    legalRepresentativeRole: row.legalRepresentativeRole,
    decisionDocNo: row.decisionDocNo,
    decisionDate: row.decisionDate,
    termExtensionGround: row.termExtensionGround,
    termExtensionDecisionNo: row.termExtensionDecisionNo,
    termExtensionDecisionDate: row.termExtensionDecisionDate,
    applicant: row.applicant,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    removalEventDate: row.removalEventDate,
    removalCreditor: row.removalCreditor,
    purgedAt: row.purgedAt ? row.purgedAt.toISOString() : null,
    version: row.version,
  };
}
