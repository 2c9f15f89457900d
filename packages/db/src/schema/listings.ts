import type {
  CategoryCode,
  LegalRepresentativeRole,
  ListingKind,
  ListingStatus,
  RemovalReason,
  TermExtensionGround,
} from '@portal/domain';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { executionUnits } from './execution-units.ts';

/**
 * The system of record for 失信 listings. The full ID number is stored only encrypted
 * (`idNumberEnc`, see id-number-vault.ts) with a keyed hash for look-ups and the masked public
 * form beside it. `version` starts at 1 and a trigger bumps it (and `updated_at`) on every UPDATE,
 * so readers can order changes.
 */
export const listings = pgTable(
  'listings',
  {
    id: text('id').primaryKey(),
    status: text('status').$type<ListingStatus>().notNull().default('draft'),
    kind: text('kind').$type<ListingKind>().notNull(),
    name: text('name').notNull(),
    /** `keyId.base64url(iv|tag|ciphertext)`, AAD binds row id and column */
    idNumberEnc: text('id_number_enc'),
    /** keyed hash (HMAC) of the normalised full ID number: exact look-ups without decrypting */
    idNumberHash: text('id_number_hash'),
    /** public form `4601031980****1234` */
    idNumberMasked: text('id_number_masked'),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender').$type<'男' | '女'>(),
    uscc: text('uscc'),
    legalRepresentative: text('legal_representative'),
    legalRepresentativeRole: text('legal_representative_role').$type<LegalRepresentativeRole>(),
    /** organisations without a credit code: 9-character organisation code (GB 11714) */
    orgCode: text('org_code'),
    caseNo: text('case_no').notNull(),
    court: text('court').notNull(),
    filedAt: date('filed_at', { mode: 'string' }).notNull(),
    basisIssuer: text('basis_issuer').notNull(),
    basisDocNo: text('basis_doc_no').notNull(),
    obligation: text('obligation').notNull(),
    performance: text('performance').notNull(),
    category: smallint('category').$type<CategoryCode>().notNull(),
    amountOwedFen: bigint('amount_owed_fen', { mode: 'number' }).notNull(),
    livelihood: boolean('livelihood').notNull().default(false),
    region: text('region').notNull(),
    listedAt: date('listed_at', { mode: 'string' }),
    termEndsAt: date('term_ends_at', { mode: 'string' }),
    termExtensionYears: smallint('term_extension_years'),
    termExtensionGround: text('term_extension_ground').$type<TermExtensionGround>(),
    termExtensionDecisionNo: text('term_extension_decision_no'),
    termExtensionDecisionDate: date('term_extension_decision_date', { mode: 'string' }),
    /** the listing decision (决定书, art. 5): the term runs from its date */
    decisionDocNo: text('decision_doc_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    /** 申请执行人 who asked for the listing (art. 10 ¶4: six-month bar after a withdrawal) */
    applicant: text('applicant'),
    unitId: text('unit_id').references(() => executionUnits.id, { onDelete: 'set null' }),
    demo: boolean('demo').notNull().default(false),
    publishedAt: timestamptz('published_at'),
    removedAt: timestamptz('removed_at'),
    removalReason: text('removal_reason').$type<RemovalReason>(),
    /**
     * `withdrawn` (art. 10 ¶1 (三)): the creditor (申请执行人) whose written request removed the
     * listing; the six-month re-listing bar (¶4) applies to this creditor only
     */
    removalCreditor: text('removal_creditor'),
    /** the day the legal ground for removal arose; the 3-working-day clock runs from it */
    removalEventDate: date('removal_event_date', { mode: 'string' }),
    removalDeadline: date('removal_deadline', { mode: 'string' }),
    /** true when the deadline lies past the bundled holiday calendar (估算) */
    removalDeadlineEstimated: boolean('removal_deadline_estimated'),
    /** when the retention job erased the identifying fields of this removed listing */
    purgedAt: timestamptz('purged_at'),
    ...createdUpdated(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('listings_status_idx').on(t.status, t.id),
    index('listings_unit_idx').on(t.unitId, t.status),
    index('listings_case_no_idx').on(t.caseNo),
    index('listings_id_number_hash_idx').on(t.idNumberHash),
    index('listings_case_no_hash_idx').on(t.caseNo, t.idNumberHash),
    index('listings_retention_idx')
      .on(t.removedAt)
      .where(sql`${t.status} = 'removed' AND ${t.purgedAt} IS NULL`),
    index('listings_uscc_idx').on(t.uscc),
    index('listings_term_ends_idx').on(t.termEndsAt).where(sql`${t.status} = 'published'`),
    check('listings_status_ck', sql`${t.status} in ('draft', 'published', 'removed')`),
    check('listings_kind_ck', sql`${t.kind} in ('person', 'org')`),
    check('listings_category_ck', sql`${t.category} between 1 and 6`),
    check('listings_amount_ck', sql`${t.amountOwedFen} >= 0`),
  ],
);

export type ListingRow = typeof listings.$inferSelect;
export type NewListingRow = typeof listings.$inferInsert;
