import { type Database, toListingRecord } from '@portal/db';
import { listings } from '@portal/db/schema';
import { isPubliclyVisible, type PublicListing, toPublicListing } from '@portal/domain';
import { and, asc, count, desc, eq, gte, isNull, or } from 'drizzle-orm';

export interface NewspaperList {
  /** in print order, at most `limit` */
  listings: PublicListing[];
  /** every listing the public can see today */
  total: number;
}

/**
 * The listings a newspaper edition prints, read from the system of record (so a removal made a
 * moment ago is already absent): what the public can see today (`isPubliclyVisible`: published,
 * term not over), 涉民生 cases first, then the latest published, at most `limit` of them. Each
 * row becomes the public projection before it leaves this function; the full ID number is never
 * read (rows carry it only encrypted, and the projection masks the stored masked form).
 */
export async function newspaperListings(db: Database, today: string, limit: number): Promise<NewspaperList> {
  const visible = and(
    eq(listings.status, 'published'),
    or(isNull(listings.termEndsAt), gte(listings.termEndsAt, today)),
  );
  const [counted] = await db.select({ n: count() }).from(listings).where(visible);
  const rows = await db
    .select()
    .from(listings)
    .where(visible)
    .orderBy(desc(listings.livelihood), desc(listings.listedAt), desc(listings.publishedAt), asc(listings.id))
    .limit(limit);
  const printable = rows.filter((r) => isPubliclyVisible(toListingRecord(r), today));
  return {
    listings: printable.map((r) => toPublicListing(toListingRecord(r))),
    total: Number(counted?.n ?? 0),
  };
}
