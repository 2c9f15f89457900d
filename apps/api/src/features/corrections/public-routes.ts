import { submitCorrectionRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { submitCorrection } from './corrections-service.ts';

/** `POST /api/v1/corrections`: the public correction request form (arts. 11–12). */
export function registerCorrections(app: ApiApp, deps: AppDeps): void {
  app.openapi(submitCorrectionRoute, async (c) => {
    const key = c.req.valid('header')['idempotency-key']?.slice(0, 200);
    return c.json(await submitCorrection(deps, c.req.valid('json'), key), 201);
  });
}
