import type { PublicListing } from '@portal/domain';
import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { listingAvailability } from './listing-availability.ts';

/**
 * `GET /api/v1/listings/{id}`: served from the read model only. When the read model does not hold
 * it, the record tells whether it was removed (410) or never published (404).
 */
export function registerListingDetail(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/v1/listings/:id', async (c) => {
    const id = c.req.param('id');
    c.header('Cache-Control', 'no-store');
    const found = await listingAvailability(deps, id);
    if (found.state === 'visible') return c.json<PublicListing>(found.listing);
    throw new ApiError(found.state === 'removed' ? 'LISTING_GONE' : 'LISTING_NOT_FOUND');
  });
}
