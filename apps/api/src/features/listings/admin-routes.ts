import {
  createListingRoute,
  importListingsRoute,
  publishListingRoute,
  removeListingRoute,
  staffListingsRoute,
} from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { staffOf } from '../../http/require-staff.ts';
import {
  type CommandContext,
  commandContext,
  createDraft,
  publishListing,
  removeListing,
} from './listing-commands.ts';
import { importListingsCsv } from './listing-import.ts';
import { listForStaff } from './listing-queries.ts';

/** Staff API for listings (CONTRACT.md): create, list, CSV import, publish, remove. */
export function registerAdminListings(app: ApiApp, deps: AppDeps): void {
  const ctx: CommandContext = commandContext(deps);

  app.openapi(createListingRoute, async (c) =>
    c.json(await createDraft(ctx, staffOf(c), c.req.valid('json')), 201),
  );

  app.openapi(staffListingsRoute, async (c) => {
    const { page, ...filters } = c.req.valid('query');
    return c.json(await listForStaff(deps, staffOf(c), { ...filters, page: page ?? 1 }), 200);
  });

  app.openapi(importListingsRoute, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^(text\/csv|application\/csv|text\/plain|application\/octet-stream)/i.test(type)) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: '请以 text/csv 格式上传 CSV 文件。' });
    }
    // the body limit of this route (http/body-limits.ts) has already capped the size
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await importListingsCsv(ctx, staffOf(c), bytes), 200);
  });

  app.openapi(publishListingRoute, async (c) =>
    c.json(await publishListing(ctx, staffOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(removeListingRoute, async (c) => {
    // eventDate: the day the legal ground arose (art. 10 clock); the body schema is loose
    // creditor: who asked in writing for a `withdrawn` removal (art. 10 ¶4 bars that creditor)
    const { reason, note, eventDate, creditor } = c.req.valid('json') as {
      reason: string;
      note?: string;
      eventDate?: unknown;
      creditor?: unknown;
    };
    return c.json(
      await removeListing(
        ctx,
        staffOf(c),
        c.req.valid('param').id,
        reason,
        typeof note === 'string' ? note.slice(0, 500) : undefined,
        eventDate,
        creditor,
      ),
      200,
    );
  });
}
