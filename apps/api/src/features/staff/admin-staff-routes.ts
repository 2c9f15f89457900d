import {
  changeStaffRoleRoute,
  createStaffRoute,
  createStaffTokenRoute,
  createUnitRoute,
  disableStaffRoute,
  listStaffRoute,
  listUnitsRoute,
  revokeStaffSessionsRoute,
} from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { staffOf } from '../../http/require-staff.ts';
import {
  changeStaffRole,
  createStaffAccount,
  createStaffToken,
  createUnit,
  disableStaffAccount,
  listStaffAccounts,
  listUnits,
  revokeStaffSessions,
} from './accounts-service.ts';

/** Court admins manage execution units, staff accounts and tokens (CONTRACT.md). All audited. */
export function registerAdminStaff(app: ApiApp, deps: AppDeps): void {
  app.openapi(createUnitRoute, async (c) =>
    c.json(await createUnit(deps, staffOf(c), c.req.valid('json')), 201),
  );
  app.openapi(listUnitsRoute, async (c) => c.json(await listUnits(deps, staffOf(c)), 200));
  app.openapi(createStaffRoute, async (c) =>
    c.json(await createStaffAccount(deps, staffOf(c), c.req.valid('json')), 201),
  );
  app.openapi(listStaffRoute, async (c) => c.json(await listStaffAccounts(deps, staffOf(c)), 200));
  app.openapi(changeStaffRoleRoute, async (c) =>
    c.json(await changeStaffRole(deps, staffOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(disableStaffRoute, async (c) =>
    c.json(await disableStaffAccount(deps, staffOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(revokeStaffSessionsRoute, async (c) =>
    c.json(await revokeStaffSessions(deps, staffOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(createStaffTokenRoute, async (c) => {
    const body = await c.req.json().catch(() => ({}));
    const label = typeof body?.label === 'string' ? body.label.trim().slice(0, 60) : '';
    return c.json(await createStaffToken(deps, staffOf(c), c.req.valid('param').id, label), 201);
  });
}
