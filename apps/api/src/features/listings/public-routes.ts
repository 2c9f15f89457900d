import { listingDetailRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { listingAvailability } from './listing-availability.ts';

/**
 * `GET /api/v1/listings/{id}`: served from the read model only (through the visibility rule).
 * When the read model does not hold it, the record tells whether it was lawfully removed (410) or
 * is unknown, a draft or never published (a neutral 404).
 */
export function registerListingDetail(app: ApiApp, deps: AppDeps): void {
  app.openapi(listingDetailRoute, async (c) => {
    const { id } = c.req.valid('param');
    c.header('Cache-Control', 'no-store');
    const found = await listingAvailability(deps, id);
    if (found.state === 'visible') return c.json(found.listing, 200);
    throw new ApiError(found.state === 'removed' ? 'LISTING_GONE' : 'LISTING_NOT_FOUND');
  });
}
