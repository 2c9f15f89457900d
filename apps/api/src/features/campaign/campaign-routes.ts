import { CAMPAIGN_MAX_DAYS, campaignReportRoute, commandCentrePngRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { staffOf } from '../../http/require-staff.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { CampaignScope } from './campaign-data.ts';
import { campaignReport } from './campaign-report.ts';
import { chinaDaySpan } from './china-period.ts';
import { commandCentrePng } from './command-centre.ts';

/** Court admins see the whole court; a unit member its own unit; nobody else (custodians) sees figures. */
export function campaignScopeOf(principal: StaffPrincipal): CampaignScope {
  if (principal.role === 'court_admin') return { unitId: null, courtId: principal.courtId };
  if (principal.role === 'unit_member' && principal.unitId)
    return { unitId: principal.unitId, courtId: principal.courtId };
  throw new ApiError('FORBIDDEN', { message: '专项行动统计仅供法院管理员和执行单元查看。' });
}

/** `GET /api/v1/admin/campaign` and the 指挥中心 slide. */
export function registerAdminCampaign(app: ApiApp, deps: AppDeps): void {
  app.openapi(campaignReportRoute, async (c) => {
    const scope = campaignScopeOf(staffOf(c));
    const { from, to } = c.req.valid('query');
    if (from > to) {
      throw new ApiError('INVALID_PARAMETER', { field: 'to', message: '结束日期不能早于开始日期。' });
    }
    const span = chinaDaySpan(from, to);
    if (span.days > CAMPAIGN_MAX_DAYS) {
      throw new ApiError('INVALID_PARAMETER', {
        field: 'to',
        message: `统计期间最长 ${CAMPAIGN_MAX_DAYS} 天，请缩短期间。`,
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await campaignReport(deps.db, scope, { from, to, ...span }, deps.now()), 200);
  });

  app.openapi(commandCentrePngRoute, async (c) => {
    const scope = campaignScopeOf(staffOf(c));
    const png = await commandCentrePng(deps, scope);
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
  });
}
