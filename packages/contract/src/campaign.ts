import { z } from 'zod';
import { errorResponses, jsonResponse, strictQuery } from './common.ts';
import { requiredDayParam } from './period.ts';
import type { ApiRoute } from './route.ts';

/**
 * The campaign (专项行动) figures for a period, as the plan measures them: listings published and
 * removed (by reason, with amounts, 涉民生 first), tips received / verified / leading to recovery,
 * 悬赏, and deadline compliance, overall and per 执行单元 as the "你追我赶，争先创优" leaderboard.
 * Court admins see the whole court; a unit member sees its own unit only. Aggregates only: no
 * name, ID number or tipster data.
 *
 * Definitions (also shown on the console screen and the printed report):
 * - a listing counts as published / removed in the period by the day (China time) it was
 *   published / removed;
 * - a tip is "verified" once it reached 线索属实 (status `verified`, possibly closed since);
 * - a tip "led to recovery" (促成执行到位) when it was verified and its listing was later removed
 *   because the obligation was performed (`performed`, `settled`, `active_performance`);
 * - deadlines: removals within 3 working days of the event (art. 10), accepted corrections fixed
 *   within 3 working days of the decision (art. 12), tips opened within 1 working day of arrival.
 *   An item belongs to the period of its starting event; `pending` items are still inside their
 *   deadline and are not counted in the rate.
 */

/** Longest period one request may ask for (a campaign runs weeks or months). */
export const CAMPAIGN_MAX_DAYS = 731;

export const campaignQuerySchema = strictQuery({
  from: requiredDayParam('开始日期'),
  to: requiredDayParam('结束日期'),
});

const count = z.number().int();
const fen = z.number().int().meta({ description: '金额（分）' });

export const deadlineComplianceSchema = z
  .object({
    met: count.meta({ description: '按期完成' }),
    late: count.meta({ description: '逾期完成' }),
    overdue: count.meta({ description: '已超期仍未完成' }),
    pending: count.meta({ description: '尚在期限内' }),
    estimated: count.meta({ description: '期限为估算（超出节假日历）的件数' }),
    rate: z
      .number()
      .nullable()
      .meta({ description: '按期率 = 按期完成 ÷（按期 + 逾期 + 超期未完成）；无到期事项时为 null' }),
  })
  .meta({ id: 'DeadlineCompliance' });
export type DeadlineCompliance = z.output<typeof deadlineComplianceSchema>;

export const listingFiguresSchema = z.object({
  count,
  amountFen: fen,
  livelihood: count.meta({ description: '其中涉民生' }),
  livelihoodAmountFen: fen,
});

export const removalReasonRowSchema = z.object({
  reason: z.string(),
  label: z.string(),
  count,
  amountFen: fen,
  livelihood: count,
});

export const campaignUnitRowSchema = z
  .object({
    rank: count
      .nullable()
      .meta({ description: '排名（按期率、核实线索数、删除数）；未分配执行单元的案件不排名' }),
    unitId: z.string().nullable().meta({ description: 'null：未分配执行单元的案件' }),
    name: z.string(),
    published: count,
    publishedAmountFen: fen,
    livelihoodPublished: count,
    removed: count,
    removedAmountFen: fen,
    performed: count.meta({ description: '因履行删除（执行到位）' }),
    performedAmountFen: fen,
    tipsReceived: count,
    tipsVerified: count,
    tipsRecovery: count,
    rewardClaims: count,
    removals: deadlineComplianceSchema,
    corrections: deadlineComplianceSchema,
    tipsOpened: deadlineComplianceSchema,
    complianceRate: z.number().nullable().meta({ description: '三类时限合计的按期率' }),
  })
  .meta({ id: 'CampaignUnitRow' });
export type CampaignUnitRow = z.output<typeof campaignUnitRowSchema>;

export const campaignReportSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), days: count }),
    scope: z.enum(['court', 'unit']),
    generatedAt: z.string(),
    demo: z.boolean().meta({ description: '统计中含演示数据（合成的演示名单或其线索）' }),
    livelihood: z.object({
      published: count,
      publishedAmountFen: fen,
      removed: count,
      removedAmountFen: fen,
      performed: count,
      performedAmountFen: fen,
      tipsReceived: count,
    }),
    published: listingFiguresSchema,
    removed: listingFiguresSchema,
    removedByReason: z.array(removalReasonRowSchema),
    performed: z.object({ count, amountFen: fen }),
    tips: z.object({
      received: count,
      opened: count,
      verified: count,
      recovery: count,
      byKind: z.array(z.object({ kind: z.string(), label: z.string(), count })),
    }),
    rewards: z.object({
      published: count.meta({ description: '期间发布的悬赏公告' }),
      amountFen: fen.meta({ description: '定额悬赏金合计（按比例的公告不计入）' }),
      rateNotices: count.meta({ description: '按比例计算悬赏金的公告数' }),
      claims: count.meta({ description: '期间登记的悬赏线索' }),
    }),
    deadlines: z.object({
      removals: deadlineComplianceSchema,
      corrections: deadlineComplianceSchema,
      tipsOpened: deadlineComplianceSchema,
      overall: deadlineComplianceSchema,
    }),
    units: z.array(campaignUnitRowSchema),
  })
  .meta({ id: 'CampaignReport' });
export type CampaignReport = z.output<typeof campaignReportSchema>;

/** `GET /api/v1/admin/campaign?from=&to=`: the campaign's figures for a period. */
export const campaignReportRoute = {
  method: 'get',
  path: '/api/v1/admin/campaign',
  tags: ['专项行动'],
  summary: '专项行动统计（法院管理员：全院；执行单元：本单元）',
  request: { query: campaignQuerySchema },
  responses: {
    200: jsonResponse(campaignReportSchema, '统计结果'),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;

/** `GET /api/v1/admin/screens/command-centre.png`: the 指挥中心 slide (staff only: internal workload). */
export const commandCentrePngRoute = {
  method: 'get',
  path: '/api/v1/admin/screens/command-centre.png',
  tags: ['专项行动'],
  summary: '指挥中心大屏（PNG，各执行单元待办线索与时限）',
  request: { query: strictQuery({ v: z.string().max(64).optional() }) },
  responses: {
    200: {
      description: '指挥中心大屏图片，1920×1080',
      content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;
