import {
  appendAudit,
  type Database,
  type IdNumberVault,
  type StaffListingRecord,
  toStaffListingRecord,
} from '@portal/db';
import type { ListingRow } from '@portal/db/schema';

/**
 * Staff views decrypt full ID numbers, and every such read leaves an audit entry (issue 14 item 3):
 * who read which listings' full records, and through which operation.
 */
export async function readStaffRecords(
  db: Database,
  vault: IdNumberVault,
  actor: string,
  rows: readonly ListingRow[],
  via: string,
): Promise<StaffListingRecord[]> {
  if (rows.length === 0) return [];
  const records = rows.map((row) => toStaffListingRecord(row, vault));
  await appendAudit(db, {
    actor,
    action: 'listing.read_full',
    entity: 'listing',
    entityId: rows.length === 1 ? rows[0]!.id : '*',
    reason: via,
    details: { ids: rows.map((r) => r.id) },
  });
  return records;
}
