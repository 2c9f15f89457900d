import { editListingRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { staffOf } from '../../http/require-staff.ts';
import { editListing } from './edit-service.ts';
import { commandContext } from './listing-commands.ts';

/** `PATCH /api/v1/admin/listings/{id}`: correct a listing in place (CONTRACT.md, staff API). */
export function registerListingEdits(app: ApiApp, deps: AppDeps): void {
  const ctx = commandContext(deps);
  app.openapi(editListingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const view = await editListing(ctx, staffOf(c), id, {
      changes: body.changes,
      reason: body.reason,
      expectedVersion: body.expectedVersion,
    });
    return c.json(view, 200);
  });
}
