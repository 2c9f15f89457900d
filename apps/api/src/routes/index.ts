import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { registerAdminCorrections } from './admin/corrections.ts';
import { registerAdminListings } from './admin/listings.ts';
import { registerCorrections } from './corrections.ts';
import { registerHealth } from './health.ts';
import { registerListingDetail } from './listing-detail.ts';
import { registerOpenApi } from './openapi.ts';
import { registerKiosk, registerScreens } from './screens.ts';
import { registerSearch } from './search.ts';
import { registerStats } from './stats.ts';

/** Every `/api/v1` route, in one list a reader can scan. */
export function registerApiRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  registerHealth(app, deps);
  registerStats(app, deps);
  registerSearch(app, deps);
  registerListingDetail(app, deps);
  registerCorrections(app, deps);
  registerAdminListings(app, deps);
  registerAdminCorrections(app, deps);
  registerOpenApi(app);
  registerScreens(app, deps, deps.screens);
  registerKiosk(app);
}
