import type { Database, IdNumberVault } from '@portal/db';
import { listings } from '@portal/db/schema';
import { todayInChina } from '@portal/domain';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { StaffPrincipal } from '../staff/staff-auth.ts';
import { readStaffRecords } from './staff-view.ts';

export const STAFF_PAGE_SIZE = 50;

/**
 * Staff listing view (full fields, ID numbers decrypted; the read is audited): a unit member sees
 * only its own unit's listings.
 */
export async function listForStaff(
  { db, idVault, now }: { db: Database; idVault: IdNumberVault; now: () => Date },
  principal: StaffPrincipal,
  opts: { status?: 'draft' | 'published' | 'removed'; page: number },
) {
  const conditions: SQL[] = [];
  if (opts.status) conditions.push(eq(listings.status, opts.status));
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
