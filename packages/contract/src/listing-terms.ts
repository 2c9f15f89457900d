import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import { staffListingDetailSchema } from './listing-edits.ts';
import type { ApiRoute } from './route.ts';

/**
 * Terms and the clocks staff answer for (法释〔2017〕7号 arts. 2, 5, 10; issue 14 items 9–11):
 * extending a term by a court decision, and counting removals that missed their three working days.
 */

export const termExtensionBodySchema = z
  .object({
    years: z.union([z.number(), z.string()]).meta({ description: '延长年数（1–3，合计不超过3年）' }),
    ground: z.string({ error: '请填写延长理由。' }).meta({
      description:
        '延长理由（第二条）：violent_obstruction 以暴力、威胁方法妨碍、抗拒执行情节严重；multiple_defaults 具有多项失信行为',
    }),
    decisionNo: z
      .string({ error: '请填写延长纳入期限的决定书文号。' })
      .meta({ description: '延长决定书文号' }),
    decisionDate: z
      .string({ error: '请填写决定日期。' })
      .meta({ description: '延长决定作出日期 YYYY-MM-DD' }),
  })
  .strict()
  .meta({ id: 'TermExtension' });

export type TermExtensionBody = z.input<typeof termExtensionBodySchema>;

/** `POST /api/v1/admin/listings/{id}/term-extension`: also after publication (art. 2). */
export const extendTermRoute = {
  method: 'post',
  path: '/api/v1/admin/listings/{id}/term-extension',
  tags: ['工作人员接口'],
  security: [{ bearer: [] }],
  summary: '延长纳入期限（第二条：一至三年，须有法定理由和决定书）',
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: jsonBody(termExtensionBodySchema),
  },
  responses: {
    200: jsonResponse(staffListingDetailSchema, '延长后的信息（工作人员视图）'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

export const removalDeadlineStatsSchema = z
  .object({
    /** removals that missed their deadline plus expired listings still published past it */
    overdue: z.number().int(),
    /** removed after the deadline */
    late: z.number().int(),
    /** still published although the deadline to remove them has passed */
    notRemoved: z.number().int(),
    /** removed in time */
    met: z.number().int(),
    /** deadlines among the counted ones that lie past the bundled holiday calendar (估算) */
    estimated: z.number().int(),
    /** ids of the overdue listings, oldest deadline first (at most 100) */
    overdueIds: z.array(z.string()),
  })
  .meta({ id: 'RemovalDeadlineStats' });

/** `GET /api/v1/admin/stats/removal-deadlines`: the art. 10 three-working-day clock, counted. */
export const removalDeadlineStatsRoute = {
  method: 'get',
  path: '/api/v1/admin/stats/removal-deadlines',
  tags: ['工作人员接口'],
  security: [{ bearer: [] }],
  summary: '删除时限统计（第十条：三个工作日内删除；超期数量）',
  responses: {
    200: jsonResponse(removalDeadlineStatsSchema, '本执行单元（法院管理员：全部）的删除时限统计'),
    ...errorResponses(401, 403),
  },
} as const satisfies ApiRoute;
