import { INFORMANT_RELATIONS, REWARD_VENUES } from '@portal/domain';
import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

/**
 * 悬赏公告 (CONTRACT.md "悬赏 notices"; 法释〔2017〕8号 arts. 21–24). Staff record the creditor's
 * written application and publish the notice; the public sees notices in force. The creditor's
 * name is shown only for an organisation; informants' identities never appear here.
 */

const isoDay = (what: string) =>
  z
    .string({ error: `请填写${what}（YYYY-MM-DD）。` })
    .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, `${what}应为日期，如 2026-05-01。`)
    .transform((v) => v.slice(0, 10));

export const rewardTermsSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('amount'), fen: z.number().int() }),
    z.object({ kind: z.literal('rate'), percent: z.number() }),
  ])
  .meta({ id: 'RewardTerms' });

export const rewardCreateSchema = z
  .object({
    listingId: z
      .string({ error: '请提供失信信息编号。' })
      .min(1, '请提供失信信息编号。')
      .max(64, '失信信息编号格式不正确。'),
    amountFen: z
      .number({ error: '悬赏金数额应为整数（以分计）。' })
      .int('悬赏金数额应为整数（以分计）。')
      .positive('悬赏金数额应为正数。')
      .max(100_000_000_000, '悬赏金数额过大。')
      .optional(),
    ratePercent: z
      .number({ error: '悬赏比例应为数字。' })
      .positive('悬赏比例应大于 0。')
      .max(100, '悬赏比例不能超过 100%。')
      .optional(),
    conditions: z
      .union([z.string(), z.array(z.string())], { error: '请填写领取条件。' })
      .transform((v) =>
        (Array.isArray(v) ? v : v.split(/\r?\n/)).map((s) => s.trim()).filter((s) => s !== ''),
      )
      .pipe(
        z
          .array(z.string().max(300, '每条领取条件最多 300 字。'))
          .min(1, '请填写领取条件（法释〔2017〕8号第二十二条）。')
          .max(10, '领取条件最多 10 条。'),
      ),
    startsAt: isoDay('公告开始日期'),
    endsAt: isoDay('公告截止日期'),
    applicantName: z
      .string({ error: '申请执行人名称应为文字。' })
      .trim()
      .max(100, '申请执行人名称最多 100 字。')
      .optional(),
    applicantKind: z
      .enum(['person', 'org'], { error: '申请执行人类型只能是 person（自然人）或 org（单位）。' })
      .default('person'),
    applicationReceivedOn: isoDay('书面申请收到日期').optional(),
    /** Art. 21: the written application holds the creditor's promise to pay; record it as given. */
    promiseToPay: z.boolean({ error: '请确认申请书载明了自愿支付悬赏金的承诺。' }).default(true),
    venues: z
      .array(z.enum(REWARD_VENUES, { error: '发布方式不在第二十二条列举的范围内。' }))
      .min(1, '请至少选择一种发布方式。')
      .default(['court_weibo_wechat']),
    courtPhone: z
      .string({ error: '法院联系电话应为文字。' })
      .trim()
      .max(30, '法院联系电话最多 30 个字符。')
      .optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.amountFen === undefined) === (v.ratePercent === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['amountFen'],
        message: '请填写悬赏金数额或计算比例，二者择一（第二十一条）。',
      });
    if (v.endsAt < v.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '公告截止日期不能早于开始日期。' });
    if (!v.promiseToPay)
      ctx.addIssue({
        code: 'custom',
        path: ['promiseToPay'],
        message: '申请书未载明支付悬赏金的承诺，不能发布悬赏（第二十一条）。',
      });
  })
  .meta({ id: 'RewardCreate' });
export type RewardCreate = z.output<typeof rewardCreateSchema>;

export const rewardStatusSchema = z.enum(['draft', 'published', 'ended']);

/** What the public sees of a notice: public fields of the defaulter only (法释〔2017〕7号 art. 6). */
export const publicRewardSchema = z
  .object({
    id: z.string(),
    listingId: z.string(),
    caseNo: z.string(),
    court: z.string(),
    defaulter: z.object({
      kind: z.enum(['person', 'org']),
      name: z.string(),
      gender: z.string().nullable().optional(),
      age: z.number().nullable().optional(),
      idNumberMasked: z.string().nullable().optional(),
      uscc: z.string().nullable().optional(),
      legalRepresentative: z.string().nullable().optional(),
      amountOwedFen: z.number(),
    }),
    terms: rewardTermsSchema,
    termsText: z.string(),
    conditions: z.array(z.string()),
    startsAt: z.string(),
    endsAt: z.string(),
    publishedAt: z.iso.datetime(),
    /** an organisation creditor's name; null for a natural person (never printed) */
    applicantName: z.string().nullable(),
    courtPhone: z.string().nullable(),
    demo: z.boolean(),
  })
  .meta({ id: 'PublicReward' });
export type PublicReward = z.output<typeof publicRewardSchema>;

export const rewardListRoute = {
  method: 'get',
  path: '/api/v1/rewards',
  tags: ['悬赏公告'],
  summary: '正在悬赏的公告（已发布、在期限内、失信信息仍在公布）',
  request: {
    query: z.object({
      listingId: z.string().max(64, '失信信息编号格式不正确。').optional(),
      page: z.coerce
        .number({ error: '页码应为正整数。' })
        .int('页码应为正整数。')
        .min(1, '页码应为正整数。')
        .max(1000, '页码过大。')
        .default(1),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({ items: z.array(publicRewardSchema), total: z.number().int() })
        .meta({ id: 'PublicRewardList' }),
      '悬赏公告列表',
    ),
    ...errorResponses(400, 429),
  },
} as const satisfies ApiRoute;

const rewardIdParams = z.object({
  id: z
    .string({ error: '请提供悬赏公告编号。' })
    .min(1, '请提供悬赏公告编号。')
    .max(64, '悬赏公告编号格式不正确。'),
});

export const rewardDetailRoute = {
  method: 'get',
  path: '/api/v1/rewards/{id}',
  tags: ['悬赏公告'],
  summary: '一则悬赏公告',
  request: { params: rewardIdParams },
  responses: { 200: jsonResponse(publicRewardSchema, '悬赏公告'), ...errorResponses(404, 429) },
} as const satisfies ApiRoute;

/** `GET /api/v1/screens/rewards/{id}.png` (the file name carries the id, as share cards do). */
export const rewardPosterRoute = {
  method: 'get',
  path: '/api/v1/screens/rewards/{file}',
  tags: ['悬赏公告'],
  summary: '悬赏公告海报（A4 竖版 PNG，二维码指向举报页）',
  request: {
    params: z.object({
      file: z
        .string()
        .regex(/^[0-9A-Za-z_-]{1,64}\.png$/, '海报地址应为 {悬赏公告编号}.png。')
        .meta({ description: '`{悬赏公告编号}.png`', example: 'R01ABC.png' }),
    }),
  },
  responses: {
    200: { description: 'PNG', content: { 'image/png': { schema: z.any() } } },
    ...errorResponses(404),
  },
} as const satisfies ApiRoute;

// ---- staff -----------------------------------------------------------------------------------

export const staffRewardSchema = z
  .object({
    id: z.string(),
    listingId: z.string(),
    listingName: z.string(),
    caseNo: z.string(),
    unitId: z.string().nullable(),
    status: rewardStatusSchema,
    inForce: z.boolean(),
    terms: rewardTermsSchema,
    termsText: z.string(),
    conditions: z.array(z.string()),
    startsAt: z.string(),
    endsAt: z.string(),
    applicantName: z.string().nullable(),
    applicantKind: z.enum(['person', 'org']),
    applicationReceivedOn: z.string(),
    /** art. 21: the last day of the ten-day decision period */
    decisionDeadline: z.string(),
    decisionDaysLeft: z.number().int(),
    promiseToPay: z.boolean(),
    venues: z.array(z.enum(REWARD_VENUES)),
    publishedAt: z.iso.datetime().nullable(),
    claimCount: z.number().int(),
  })
  .meta({ id: 'StaffReward' });

export const rewardCreateRoute = {
  method: 'post',
  path: '/api/v1/admin/rewards',
  tags: ['悬赏公告（工作人员）'],
  summary: '登记申请执行人的书面悬赏申请（十日内决定）',
  request: { body: jsonBody(rewardCreateSchema) },
  responses: {
    201: jsonResponse(
      z.object({ id: z.string(), status: z.literal('draft'), decisionDeadline: z.string() }),
      '已登记，待发布',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
} as const satisfies ApiRoute;

export const rewardPublishRoute = {
  method: 'post',
  path: '/api/v1/admin/rewards/{id}/publish',
  tags: ['悬赏公告（工作人员）'],
  summary: '发布悬赏公告',
  request: { params: rewardIdParams },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), status: z.literal('published') }), '已发布'),
    ...errorResponses(401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

export const staffRewardListRoute = {
  method: 'get',
  path: '/api/v1/admin/rewards',
  tags: ['悬赏公告（工作人员）'],
  summary: '悬赏申请和公告（含十日决定期限）',
  request: { query: z.object({ status: rewardStatusSchema.optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(staffRewardSchema), total: z.number().int() }), '悬赏列表'),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;

export const rewardPaymentSchema = z
  .object({
    id: z.string(),
    rewardId: z.string(),
    registrationNo: z.number().int().positive(),
    tipId: z.string(),
    recoveredFen: z.number().int(),
    amountFen: z.number().int(),
    paidOn: z.string(),
  })
  .meta({ id: 'RewardPayment' });

export const rewardClaimSchema = z
  .object({
    registrationNo: z.number().int().positive(),
    tipId: z.string(),
    registeredAt: z.iso.datetime(),
    kind: z.string(),
    status: z.string(),
    description: z.string(),
    /** the 悬赏金 paid on this claim, if any (at most one payment per claim) */
    payment: rewardPaymentSchema.nullable(),
  })
  .meta({ id: 'RewardClaim' });

export const rewardClaimsRoute = {
  method: 'get',
  path: '/api/v1/admin/rewards/{id}/claims',
  tags: ['悬赏公告（工作人员）'],
  summary: '悬赏线索登记簿（按提供先后顺序，第二十三条；不含身份）',
  request: { params: rewardIdParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(rewardClaimSchema), total: z.number().int() }), '登记簿'),
    ...errorResponses(401, 403, 404),
  },
} as const satisfies ApiRoute;

/**
 * Art. 24: what staff established before paying a claim. The payee is always the claim's
 * informant (whose identity stays sealed with the tip); the rules refuse the creditor's agent, a
 * person obliged to report, an old lead, no recovery, or a later registration of the same lead.
 */
export const rewardPaymentCreateSchema = z
  .object({
    recoveredFen: z
      .number({ error: '请填写因该线索执行到位的金额（以分计）。' })
      .int('执行到位金额应为整数（以分计）。')
      .min(0, '执行到位金额不能为负数。')
      .max(1_000_000_000_000, '执行到位金额过大。'),
    leadWasNew: z.boolean({ error: '请确认该线索提供前法院是否已经掌握（第二十四条）。' }),
    informantRelation: z.enum(INFORMANT_RELATIONS, {
      error:
        '请确认举报人身份：unrelated（与案件无关的举报人）、creditor_agent（申请执行人的代理人）或 obliged_to_report（有报告财产义务的人员）。',
    }),
    sameLeadAs: z
      .number({ error: '相同线索的登记号应为正整数。' })
      .int('相同线索的登记号应为正整数。')
      .positive('相同线索的登记号应为正整数。')
      .nullable()
      .default(null),
    paidOn: isoDay('发放日期').optional(),
    note: z.string({ error: '备注应为文字。' }).trim().max(500, '备注最多 500 字。').optional(),
  })
  .strict()
  .meta({ id: 'RewardPaymentCreate' });
export type RewardPaymentCreate = z.output<typeof rewardPaymentCreateSchema>;

export const rewardPaymentCreateRoute = {
  method: 'post',
  path: '/api/v1/admin/rewards/{id}/claims/{registrationNo}/payment',
  tags: ['悬赏公告（工作人员）'],
  summary: '登记向举报人发放悬赏金（第二十四条；每条登记至多一次，留痕）',
  request: {
    params: rewardIdParams.extend({
      registrationNo: z.coerce
        .number({ error: '登记号应为正整数。' })
        .int('登记号应为正整数。')
        .positive('登记号应为正整数。')
        .max(1_000_000, '登记号过大。'),
    }),
    body: jsonBody(rewardPaymentCreateSchema),
  },
  responses: {
    201: jsonResponse(rewardPaymentSchema, '已登记发放'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;
