import type { ApiApp, AppDeps } from '../context.ts';
import { registerAdminAudit } from './audit/audit-routes.ts';
import { registerAuth } from './auth/auth-routes.ts';
import { registerAdminCampaign } from './campaign/campaign-routes.ts';
import { registerAdminCorrections } from './corrections/admin-routes.ts';
import { registerCorrections } from './corrections/public-routes.ts';
import { registerHealth } from './health/health-routes.ts';
import { registerAdminListings } from './listings/admin-routes.ts';
import { registerListingEdits } from './listings/edit-route.ts';
import { registerListingDetail } from './listings/public-routes.ts';
import { registerListingTerms } from './listings/term-route.ts';
import { registerAdminMedia } from './media/media-routes.ts';
import { registerOpenApi } from './openapi/openapi-routes.ts';
import { registerAdminRewards } from './rewards/admin-routes.ts';
import { registerRewards } from './rewards/public-routes.ts';
import { registerKiosk, registerScreens } from './screens/screens-routes.ts';
import { registerSearch } from './search/search-routes.ts';
import { registerAdminStaff } from './staff/admin-staff-routes.ts';
import { registerStats } from './stats/stats-routes.ts';
import { registerAdminTips } from './tips/admin-routes.ts';
import { registerTips } from './tips/public-routes.ts';

/** Every `/api/v1` route, in one list a reader can scan. */
export function registerApiRoutes(app: ApiApp, deps: AppDeps): void {
  registerHealth(app, deps);
  registerStats(app, deps);
  registerSearch(app, deps);
  registerListingDetail(app, deps);
  registerCorrections(app, deps);
  registerAdminListings(app, deps);
  registerListingEdits(app, deps);
  registerListingTerms(app, deps);
  registerAdminCorrections(app, deps);
  registerAuth(app, deps);
  registerAdminStaff(app, deps);
  registerTips(app, deps);
  registerAdminTips(app, deps);
  registerRewards(app, deps);
  registerAdminRewards(app, deps);
  registerAdminAudit(app, deps);
  registerAdminCampaign(app, deps);
  registerOpenApi(app);
  registerScreens(app, deps, deps.screens);
  registerAdminMedia(app, deps);
  registerKiosk(app);
}
