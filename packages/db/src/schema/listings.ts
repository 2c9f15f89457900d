import type { CategoryCode, ListingKind, ListingStatus, RemovalReason } from '@portal/domain';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { executionUnits } from './execution-units.ts';

/**
 * The system of record for 失信 listings. Holds the full ID number (never public). `version` starts
 * at 1 and a trigger bumps it (and `updated_at`) on every UPDATE, so readers can order changes.
 */
export const listings = pgTable(
  'listings',
  {
    id: text('id').primaryKey(),
    status: text('status').$type<ListingStatus>().notNull().default('draft'),
    kind: text('kind').$type<ListingKind>().notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender').$type<'男' | '女'>(),
    uscc: text('uscc'),
    legalRepresentative: text('legal_representative'),
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
    unitId: text('unit_id').references(() => executionUnits.id, { onDelete: 'set null' }),
    demo: boolean('demo').notNull().default(false),
    publishedAt: timestamptz('published_at'),
    removedAt: timestamptz('removed_at'),
    removalReason: text('removal_reason').$type<RemovalReason>(),
    ...createdUpdated(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('listings_status_idx').on(t.status, t.id),
    index('listings_unit_idx').on(t.unitId, t.status),
    index('listings_case_no_idx').on(t.caseNo),
    index('listings_id_number_idx').on(t.idNumber),
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
