import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';
import {
  idString,
  locationSchema,
  tipAssetTypeSchema,
  tipKindSchema,
  tipMessageSchema,
  tipStatusSchema,
} from './tips.ts';

/**
 * Tip-offs, the staff side (CONTRACT.md "Tip-offs (staff)"): the unit's inbox, triage, photos,
 * the audited identity reveal and the notifications' dead letters. The tipster's identity appears
 * only in the reveal.
 */

// ---- staff -----------------------------------------------------------------------------------

export const tipAttachmentSchema = z
  .object({
    id: z.string(),
    url: z.string().meta({ description: '仅限工作人员访问（需凭据），图片已去除 EXIF 等元数据' }),
    contentType: z.string(),
    bytes: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    quarantined: z
      .boolean()
      .meta({ description: '微信内容安全检测判定为违规（risky）后已隔离，不再提供图片（410）' }),
  })
  .meta({ id: 'TipAttachment' });

/** A tip in a unit's inbox. Never the tipster's identity or contact: only whether there is one. */
export const staffTipSummarySchema = z
  .object({
    id: z.string(),
    listingId: z.string(),
    listingName: z.string(),
    caseNo: z.string(),
    unitId: z.string().nullable(),
    kind: tipKindSchema,
    kindLabel: z.string(),
    assetType: tipAssetTypeSchema.nullable(),
    consumptionItem: z.number().int().nullable(),
    description: z.string(),
    status: tipStatusSchema,
    statusLabel: z.string(),
    receivedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    openedAt: z.iso.datetime().nullable(),
    hasContact: z.boolean(),
    photoCount: z.number().int(),
    rewardNoticeId: z.string().nullable(),
    registrationNo: z.number().int().nullable(),
    openClock: z
      .object({
        receivedOn: z.string(),
        openBy: z.string().meta({ description: '应打开的最后一日（收到后第 1 个工作日）' }),
        workingDaysElapsed: z.number().int().meta({ description: '收到当日之后已过的完整工作日数' }),
        state: z.enum(['unopened', 'opened']),
        overdue: z.boolean().meta({ description: '超过 1 个工作日未打开（或打开时已超过）' }),
        estimate: z.boolean().meta({ description: '期限超出节假日数据范围，为估算' }),
      })
      .meta({ id: 'TipOpenClock' }),
  })
  .meta({ id: 'StaffTipSummary' });

export const staffTipDetailSchema = staffTipSummarySchema
  .extend({
    seenAt: z.iso.datetime().nullable(),
    place: z.string().nullable(),
    location: locationSchema.nullable(),
    attachments: z.array(tipAttachmentSchema),
    messages: z.array(tipMessageSchema),
    history: z.array(
      z.object({
        at: z.iso.datetime(),
        status: tipStatusSchema,
        note: z.string().nullable(),
        staffId: z.string(),
      }),
    ),
  })
  .meta({ id: 'StaffTipDetail' });
export type StaffTipDetail = z.output<typeof staffTipDetailSchema>;

const pageQuery = z.coerce
  .number({ error: '页码应为正整数。' })
  .int('页码应为正整数。')
  .min(1, '页码应为正整数。')
  .max(10_000, '页码过大。')
  .default(1);

export const staffTipListRoute = {
  method: 'get',
  path: '/api/v1/admin/tips',
  tags: ['举报线索（工作人员）'],
  summary: '本执行单元的线索（法院管理员：全部），未阅的在前，再按收到先后',
  request: { query: z.object({ status: tipStatusSchema.optional(), page: pageQuery }) },
  responses: {
    200: jsonResponse(
      z
        .object({ items: z.array(staffTipSummarySchema), total: z.number().int() })
        .meta({ id: 'StaffTipList' }),
      '线索列表（不含举报人身份和联系方式）',
    ),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;

const tipIdParams = z.object({ id: idString('线索编号') });

export const staffTipDetailRoute = {
  method: 'get',
  path: '/api/v1/admin/tips/{id}',
  tags: ['举报线索（工作人员）'],
  summary: '线索详情（首次打开记为已阅）',
  request: { params: tipIdParams },
  responses: { 200: jsonResponse(staffTipDetailSchema, '线索详情'), ...errorResponses(401, 403, 404) },
} as const satisfies ApiRoute;

export const staffTipStatusSchema = z
  .object({
    status: tipStatusSchema,
    note: z.string({ error: '内部备注应为文字。' }).trim().max(1000, '内部备注最多 1000 字。').optional(),
    messageToTipster: z
      .string({ error: '给举报人的答复应为文字。' })
      .trim()
      .max(500, '给举报人的答复最多 500 字。')
      .optional(),
  })
  .meta({ id: 'StaffTipStatus' });

export const staffTipStatusRoute = {
  method: 'post',
  path: '/api/v1/admin/tips/{id}/status',
  tags: ['举报线索（工作人员）'],
  summary: '变更线索状态，可附给举报人的答复',
  request: { params: tipIdParams, body: jsonBody(staffTipStatusSchema) },
  responses: {
    200: jsonResponse(staffTipDetailSchema, '变更后的线索'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

export const staffTipAttachmentRoute = {
  method: 'get',
  path: '/api/v1/admin/tips/{id}/attachments/{attachmentId}',
  tags: ['举报线索（工作人员）'],
  summary: '线索照片（已去除元数据）',
  request: { params: z.object({ id: idString('线索编号'), attachmentId: idString('附件编号') }) },
  responses: {
    200: {
      description: '图片',
      content: {
        'image/jpeg': { schema: z.any() },
        'image/png': { schema: z.any() },
        'image/webp': { schema: z.any() },
      },
    },
    ...errorResponses(401, 403, 404, 410),
  },
} as const satisfies ApiRoute;

// ---- identity reveal (custodian) --------------------------------------------------------------

export const revealRequestStatusSchema = z.enum(['pending', 'approved', 'rejected', 'revealed'], {
  error: '状态只能是 pending、approved、rejected 或 revealed。',
});

export const revealRequestSchema = z
  .object({
    id: z.string(),
    tipId: z.string(),
    unitId: z.string().nullable(),
    requestedBy: z.string(),
    requestedByName: z.string().meta({ description: '申请人姓名（工作人员）' }),
    unitName: z.string().nullable(),
    reason: z.string(),
    status: revealRequestStatusSchema,
    requestedAt: z.iso.datetime(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'RevealRequest' });

export const revealRequestCreateRoute = {
  method: 'post',
  path: '/api/v1/admin/tips/{id}/reveal-requests',
  tags: ['举报线索（工作人员）'],
  summary: '执行单元申请查看举报人身份（须经保管人批准）',
  request: {
    params: tipIdParams,
    body: jsonBody(
      z.object({
        reason: z
          .string({ error: '请说明查看举报人身份的理由。' })
          .trim()
          .min(4, '请说明查看举报人身份的理由（至少 4 个字）。')
          .max(500, '理由最多 500 字。'),
      }),
    ),
  },
  responses: {
    201: jsonResponse(revealRequestSchema, '申请已登记'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

export const revealRequestListRoute = {
  method: 'get',
  path: '/api/v1/admin/reveal-requests',
  tags: ['举报线索（工作人员）'],
  summary: '身份查看申请（保管人与法院管理员：全部；执行单元：本单元）',
  request: {
    query: z.object({
      status: revealRequestStatusSchema.optional(),
      tipId: z
        .string()
        .max(64, '线索编号格式不正确。')
        .optional()
        .meta({ description: '只看这条线索的申请' }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(revealRequestSchema), total: z.number().int() }), '申请列表'),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;

const revealIdParams = z.object({ id: idString('申请编号') });

export const revealRequestDecideRoute = {
  method: 'post',
  path: '/api/v1/admin/reveal-requests/{id}/decision',
  tags: ['举报线索（工作人员）'],
  summary: '保管人批准或驳回身份查看申请',
  request: {
    params: revealIdParams,
    body: jsonBody(
      z.object({
        decision: z.enum(['approved', 'rejected'], {
          error: '决定只能是 approved（批准）或 rejected（驳回）。',
        }),
        note: z.string({ error: '说明应为文字。' }).trim().max(500, '说明最多 500 字。').optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse(revealRequestSchema, '决定已记录'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

export const revealedIdentitySchema = z
  .object({
    tipId: z.string(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    revealedAt: z.iso.datetime(),
  })
  .meta({ id: 'RevealedIdentity' });

export const revealIdentityRoute = {
  method: 'post',
  path: '/api/v1/admin/reveal-requests/{id}/reveal',
  tags: ['举报线索（工作人员）'],
  summary: '经批准后查看举报人身份（每次查看均留痕）',
  request: { params: revealIdParams },
  responses: {
    200: jsonResponse(revealedIdentitySchema, '举报人身份和联系方式'),
    ...errorResponses(401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

// ---- notifications (dead letters) -------------------------------------------------------------

export const notificationDeliverySchema = z
  .object({
    id: z.string(),
    channel: z.enum(['webhook', 'wecom']),
    unitId: z.string().nullable(),
    event: z.string(),
    state: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'NotificationDelivery' });

export const disabledNotifyTargetSchema = z
  .object({
    channel: z.enum(['webhook', 'wecom']),
    /** null: the court-wide target */
    unitId: z.string().nullable(),
    reason: z.string(),
    disabledAt: z.iso.datetime(),
  })
  .meta({ id: 'DisabledNotifyTarget' });

export const notificationListRoute = {
  method: 'get',
  path: '/api/v1/admin/notifications',
  tags: ['举报线索（工作人员）'],
  summary: '线索通知投递情况（含投递失败的死信）',
  request: {
    query: z.object({
      state: z
        .enum(['pending', 'delivered', 'dead'], { error: '状态只能是 pending、delivered 或 dead。' })
        .optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(notificationDeliverySchema),
        total: z.number().int(),
        /** targets that answered 410 Gone: nothing goes to them until a court admin saves them again */
        disabledTargets: z.array(disabledNotifyTargetSchema),
      }),
      '投递记录和已停用的通知地址',
    ),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;
