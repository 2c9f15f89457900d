import { extendTermRoute, removalDeadlineStatsRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { staffOf } from '../../http/require-staff.ts';
import { commandContext } from './listing-commands.ts';
import { removalDeadlineStats } from './removal-deadline-stats.ts';
import { extendTerm } from './term-service.ts';

/** Term extensions (art. 2) and the removal-deadline statistics (art. 10) for staff. */
export function registerListingTerms(app: ApiApp, deps: AppDeps): void {
  const ctx = commandContext(deps);
  app.openapi(extendTermRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await extendTerm(ctx, staffOf(c), id, c.req.valid('json')), 200);
  });
  app.openapi(removalDeadlineStatsRoute, async (c) =>
    c.json(await removalDeadlineStats(deps.db, staffOf(c), deps.now()), 200),
  );
}
