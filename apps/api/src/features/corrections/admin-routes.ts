import { decideCorrectionRoute, markCorrectionFixedRoute, staffCorrectionsRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { staffOf } from '../../http/require-staff.ts';
import { decideCorrection, listCorrectionsForStaff, markCorrectionFixed } from './corrections-service.ts';

/** Staff: correction requests with their review and fix clocks, the review decision, the fix. */
export function registerAdminCorrections(app: ApiApp, deps: AppDeps): void {
  app.openapi(staffCorrectionsRoute, async (c) => {
    const { status } = c.req.valid('query');
    return c.json(await listCorrectionsForStaff(deps, staffOf(c), { ...(status ? { status } : {}) }), 200);
  });
  app.openapi(decideCorrectionRoute, async (c) =>
    c.json(
      await decideCorrection(
        deps,
        staffOf(c),
        c.req.valid('param').id,
        c.req.valid('json').decision,
        c.req.valid('json').reasons,
      ),
      200,
    ),
  );
  app.openapi(markCorrectionFixedRoute, async (c) =>
    c.json(await markCorrectionFixed(deps, staffOf(c), c.req.valid('param').id), 200),
  );
}
