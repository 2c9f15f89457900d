import {
  appendAudit,
  type Database,
  type IdNumberVault,
  type StaffListingRecord,
  toStaffListingRecord,
} from '@portal/db';
import type { ListingRow } from '@portal/db/schema';
import { addDays, removalClock, todayInChina } from '@portal/domain';

export interface RemovalClockView {
  eventDate: string;
  deadline: string;
  /** past the bundled holiday calendar: shown as 估算 */
  estimate: boolean;
  state: 'pending' | 'overdue' | 'met' | 'late';
  overdue: boolean;
}

export type StaffView = StaffListingRecord & { removalClock: RemovalClockView | null };

/**
 * The art. 10 clock of a listing: for a removal, from its recorded event date to the day it was
 * removed; for a published listing whose term is over, from the day after the last day (art. 10 ¶2)
 * to today. Null when no removal is due.
 */
export function removalClockOf(row: ListingRow, today: string): RemovalClockView | null {
  let eventDate: string | null = null;
  let removedOn: string | null = null;
  if (row.status === 'removed' && row.removalEventDate && row.removedAt) {
    eventDate = row.removalEventDate;
    removedOn = todayInChina(row.removedAt);
  } else if (row.status === 'published' && row.termEndsAt && today > row.termEndsAt) {
    eventDate = addDays(row.termEndsAt, 1);
  }
  if (!eventDate) return null;
  const clock = removalClock({ eventDate, removedOn, today });
  return {
    eventDate,
    deadline: clock.date,
    estimate: clock.estimate,
    state: clock.state,
    overdue: clock.overdue,
  };
}

/** The staff view of one row (full ID number decrypted): callers audit the read. */
export function staffViewOf(row: ListingRow, vault: IdNumberVault, today: string): StaffView {
  return { ...toStaffListingRecord(row, vault), removalClock: removalClockOf(row, today) };
}

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
  today: string,
): Promise<StaffView[]> {
  if (rows.length === 0) return [];
  const records = rows.map((row) => staffViewOf(row, vault, today));
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
