import type { Database, IdNumberVault } from '@portal/db';
import { listings } from '@portal/db/schema';
import { parseIdNumber, todayInChina } from '@portal/domain';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { StaffPrincipal } from '../staff/staff-auth.ts';
import { readStaffRecords } from './staff-view.ts';

export const STAFF_PAGE_SIZE = 50;

/** The public search's filters, on every status (drafts and removed listings are not in the index). */
export interface StaffListingFilters {
  q?: string | undefined;
  kind?: 'person' | 'org' | undefined;
  category?: number | undefined;
  region?: string | undefined;
  court?: string | undefined;
  livelihood?: boolean | undefined;
}

/** `%` and `_` typed by staff are matched as themselves. */
const likeFragment = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterConditions(f: StaffListingFilters, idVault: IdNumberVault): SQL[] {
  const out: SQL[] = [];
  if (f.kind) out.push(eq(listings.kind, f.kind));
  if (f.category) out.push(eq(listings.category, f.category as never));
  if (f.region) out.push(eq(listings.region, f.region));
  if (f.court) out.push(eq(listings.court, f.court));
  if (f.livelihood !== undefined) out.push(eq(listings.livelihood, f.livelihood));
  if (f.q) {
    // a full ID number is found by its keyed hash (the column itself is encrypted)
    const id = /^[\dXx\s]{15,20}$/.test(f.q) ? parseIdNumber(f.q) : undefined;
    if (id?.ok) out.push(eq(listings.idNumberHash, idVault.hash(id.value)));
    else {
      const like = likeFragment(f.q);
      out.push(
        or(
          ilike(listings.name, like),
          // case numbers are stored with full-width brackets; staff often type half-width ones
          ilike(listings.caseNo, likeFragment(f.q.replace(/\(/g, '（').replace(/\)/g, '）'))),
          ilike(listings.legalRepresentative, like),
          ilike(listings.uscc, like),
          ilike(listings.orgCode, like),
          ilike(listings.id, like),
        ) as SQL,
      );
    }
  }
  return out;
}

/**
 * Staff listing view (full fields, ID numbers decrypted; the read is audited): a unit member sees
 * only its own unit's listings.
 */
export async function listForStaff(
  { db, idVault, now }: { db: Database; idVault: IdNumberVault; now: () => Date },
  principal: StaffPrincipal,
  opts: { status?: 'draft' | 'published' | 'removed'; page: number } & StaffListingFilters,
) {
  const conditions: SQL[] = [];
  if (opts.status) conditions.push(eq(listings.status, opts.status));
  conditions.push(...filterConditions(opts, idVault));
  if (principal.role !== 'court_admin') {
    // unit members see their unit's listings; custodians (no unit) see none
    conditions.push(principal.unitId ? eq(listings.unitId, principal.unitId) : eq(listings.id, ''));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(listings)
    .where(where)
    .orderBy(asc(listings.id))
    .limit(STAFF_PAGE_SIZE)
    .offset((opts.page - 1) * STAFF_PAGE_SIZE);
  const [total] = await db.select({ n: count() }).from(listings).where(where);
  return {
    items: await readStaffRecords(
      db,
      idVault,
      principal.staffId,
      rows,
      'GET /admin/listings',
      todayInChina(now()),
    ),
    total: Number(total?.n ?? 0),
    page: opts.page,
    pageSize: STAFF_PAGE_SIZE,
  };
}
