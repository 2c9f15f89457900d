import type { Database } from '@portal/db';
import { toListingRecord } from '@portal/db';
import { listings } from '@portal/db/schema';
import { toPublicListing } from '@portal/domain';
import type { SearchDocument, SearchIndex } from '@portal/search';
import { eq, inArray } from 'drizzle-orm';

type ListingRow = typeof listings.$inferSelect;

/**
 * The one place a stored listing becomes a search document: the public projection from the
 * domain package plus the version and the keyed hash of its identifier (never the identifier).
 * Persons are matched on their public masked ID number (stored in clear beside the encrypted full
 * number), so the index is built without decrypting anything.
 */
export function toSearchDocument(row: ListingRow, hashIdentifier: (v: string) => string): SearchDocument {
  const identifier = row.kind === 'person' ? row.idNumberMasked : row.uscc;
  const identifierKey = identifier ? hashIdentifier(identifier) : null;
  return {
    ...toPublicListing(toListingRecord(row)),
    version: row.version,
    ...(identifierKey ? { identifierKey } : {}),
  };
}

/** Makes the index match the database for these listing ids (upsert published, remove the rest). */
export async function syncListingsToIndex(
  db: Database,
  search: SearchIndex,
  hashIdentifier: (v: string) => string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.select().from(listings).where(inArray(listings.id, ids));
  const published = rows.filter((r) => r.status === 'published');
  const publishedIds = new Set(published.map((r) => r.id));
  const gone = ids.filter((id) => !publishedIds.has(id));
  if (gone.length > 0) await search.remove(gone);
  if (published.length > 0) await search.upsert(published.map((r) => toSearchDocument(r, hashIdentifier)));
}

export interface ReconcileReport {
  upserted: number;
  removed: number;
  published: number;
}

/**
 * Full reconcile: compares published ids and versions in the database with the index and repairs
 * any drift (missing, stale or extra documents). Runs at start and periodically.
 */
export async function reconcileIndex(
  db: Database,
  search: SearchIndex,
  hashIdentifier: (v: string) => string,
  batchSize = 1000,
): Promise<ReconcileReport> {
  const inIndex = await search.listVersions();
  const publishedRows = await db
    .select({ id: listings.id, version: listings.version })
    .from(listings)
    .where(eq(listings.status, 'published'));
  const toUpsert: string[] = [];
  for (const { id, version } of publishedRows) {
    if (inIndex.get(id) !== version) toUpsert.push(id);
    inIndex.delete(id);
  }
  const extra = [...inIndex.keys()];
  if (extra.length > 0) await search.remove(extra);
  for (let i = 0; i < toUpsert.length; i += batchSize) {
    await syncListingsToIndex(db, search, hashIdentifier, toUpsert.slice(i, i + batchSize));
  }
  return { upserted: toUpsert.length, removed: extra.length, published: publishedRows.length };
}
