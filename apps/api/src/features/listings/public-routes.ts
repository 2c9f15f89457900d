import { listingDetailRoute } from '@portal/contract';
import { listings } from '@portal/db/schema';
import { eq } from 'drizzle-orm';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';

/**
 * `GET /api/v1/listings/{id}`: served from the read model only. When the read model does not hold
 * it, the record tells whether it was removed (410) or never published (404).
 */
export function registerListingDetail(app: ApiApp, deps: AppDeps): void {
  app.openapi(listingDetailRoute, async (c) => {
    const { id } = c.req.valid('param');
    c.header('Cache-Control', 'no-store');
    if (!/^[0-9A-Za-z_-]{1,64}$/.test(id)) throw new ApiError('LISTING_NOT_FOUND');
    const listing = await deps.search.get(id);
    if (listing) return c.json(listing, 200);
    const rows = await deps.db
      .select({ status: listings.status })
      .from(listings)
      .where(eq(listings.id, id))
      .limit(1);
    if (rows[0]?.status === 'removed') throw new ApiError('LISTING_GONE');
    throw new ApiError('LISTING_NOT_FOUND');
  });
}
