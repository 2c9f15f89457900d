import { type Database, toListingRecord } from '@portal/db';
import { listings } from '@portal/db/schema';
import { isPubliclyVisible, type PublicListing, todayInChina } from '@portal/domain';
import type { SearchIndex } from '@portal/search';
import { and, eq, isNotNull, lt } from 'drizzle-orm';

/**
 * The public-visibility rule (`isPubliclyVisible`: published, not removed, term not over) applied
 * to a document of the read model. Being in the index means the listing was published when it was
 * indexed; what can have changed since is the date, so the term is checked again on every read.
 */
export function isVisibleDocument(doc: PublicListing, today: string): boolean {
  return isPubliclyVisible(
    { status: 'published', removedAt: null, listedAt: doc.listedAt, termEndsAt: doc.termEndsAt },
    today,
  );
}

/**
 * The read model as every public surface sees it (search, detail, listing pages, board, cards):
 * a listing whose term ended is hidden from the first minute of the next day, before the hourly
 * expiry job removes it from the record.
 */
export function publicView(index: SearchIndex, now: () => Date): SearchIndex {
  const today = () => todayInChina(now());
  return {
    get engine() {
      return index.engine;
    },
    upsert: (docs) => index.upsert(docs),
    remove: (ids) => index.remove(ids),
    clear: () => index.clear(),
    async search(q) {
      const result = await index.search(q);
      const t = today();
      const hits = result.hits.filter((h) => isVisibleDocument(h, t));
      if (hits.length === result.hits.length) return result;
      return { ...result, hits, total: Math.max(0, result.total - (result.hits.length - hits.length)) };
    },
    async get(id) {
      const doc = await index.get(id);
      return doc && isVisibleDocument(doc, today()) ? doc : null;
    },
    count: () => index.count(),
    listVersions: () => index.listVersions(),
    close: () => index.close(),
  };
}

/**
 * Drops from this process's index the listings whose term is over but which the expiry job has not
 * removed yet (cheap: the partial index on published terms). Keeps search totals and facets right.
 */
export async function sweepExpired(db: Database, index: SearchIndex, today: string): Promise<number> {
  const rows = await db
    .select({ id: listings.id })
    .from(listings)
    .where(
      and(eq(listings.status, 'published'), isNotNull(listings.termEndsAt), lt(listings.termEndsAt, today)),
    );
  const present: string[] = [];
  for (const { id } of rows) if ((await index.get(id)) !== null) present.push(id);
  if (present.length > 0) await index.remove(present);
  return present.length;
}

/** True when the stored row is publicly visible today (for code that reads the record, not the index). */
export function isRowVisible(row: typeof listings.$inferSelect, today: string): boolean {
  return isPubliclyVisible(toListingRecord(row), today);
}
