import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { readJson } from '../../http/read-json.ts';
import { staffOf } from '../../http/require-staff.ts';
import { decideCorrection, listCorrectionsForStaff } from './corrections-service.ts';

/** Staff: correction requests with their review clocks, and the review decision. */
export function registerAdminCorrections(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/v1/admin/corrections', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !['received', 'accepted', 'rejected'].includes(status)) {
      throw new ApiError('INVALID_PARAMETER', {
        field: 'status',
        message: '状态只能是 received、accepted 或 rejected。',
      });
    }
    return c.json(await listCorrectionsForStaff(deps, staffOf(c), { ...(status ? { status } : {}) }));
  });
  app.post('/api/v1/admin/corrections/:id/decide', async (c) => {
    const body = (await readJson(c)) as { decision?: unknown } | null;
    return c.json(await decideCorrection(deps, staffOf(c), c.req.param('id'), body?.decision));
  });
}
