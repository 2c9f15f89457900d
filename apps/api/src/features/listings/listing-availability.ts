import { listings } from '@portal/db/schema';
import type { PublicListing } from '@portal/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';

export type ListingAvailability =
  | { state: 'visible'; listing: PublicListing }
  /** removed by a lawful decision: 410 "已依法删除" */
  | { state: 'removed' }
  /** unknown, a draft, never published (or not public any more without a removal yet): a neutral 404 */
  | { state: 'not-found' };

export const LISTING_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * What the public may learn about a listing id, for the API detail and the listing page alike:
 * the read model (through the visibility rule) answers for visible listings; the record only says
 * whether a lawful removal happened. A draft is never announced as removed: saying "已依法删除"
 * of someone who was never listed would be a false public statement about a person.
 */
export async function listingAvailability(
  deps: Pick<AppDeps, 'search' | 'db'>,
  id: string,
): Promise<ListingAvailability> {
  if (!LISTING_ID_PATTERN.test(id)) return { state: 'not-found' };
  const listing = await deps.search.get(id);
  if (listing) return { state: 'visible', listing };
  const [row] = await deps.db
    .select({ status: listings.status, removedAt: listings.removedAt })
    .from(listings)
    .where(eq(listings.id, id))
    .limit(1);
  return row?.status === 'removed' && row.removedAt !== null ? { state: 'removed' } : { state: 'not-found' };
}
