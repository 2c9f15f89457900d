import {
  isTipPhone,
  RECEIPT_INPUT_MAX,
  TIP_ASSET_TYPES,
  TIP_CONSUMPTION_ITEMS,
  TIP_CONTACT_NAME_MAX,
  TIP_DESCRIPTION_MAX,
  TIP_KINDS,
  TIP_MAX_PHOTOS,
  TIP_PLACE_MAX,
  TIP_STATUSES,
} from '@portal/domain';
import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';
import { tipPhotoIdSchema } from './tip-photos.ts';
import { WECHAT_SESSION_HEADER, wechatSessionSchema } from './wechat.ts';

/**
 * Tip-offs (CONTRACT.md "Tip-offs (public)" and "Tip-offs (staff)"). A tip goes to the 执行单元 of
 * its listing; the tipster's name and phone are stored encrypted and appear in no response here
 * except the audited reveal.
 */

export const tipKindSchema = z.enum(TIP_KINDS, {
  error: '请选择线索类型：财产线索、下落线索、违反限制消费或其他。',
});
export const tipAssetTypeSchema = z.enum(TIP_ASSET_TYPES, {
  error: '请选择财产类型：房产、车辆、存款、经营收入或其他。',
});
export const tipStatusSchema = z.enum(TIP_STATUSES, {
  error: '状态只能是 received、in_review、verified、not_useful 或 closed。',
});

const idString = (what: string) =>
  z
    .string({ error: `请提供${what}。` })
    .min(1, `请提供${what}。`)
    .max(64, `${what}格式不正确。`);

const consumptionItem = z
  .number({ error: '限制消费事项应为 1 到 9 的编号。' })
  .int('限制消费事项应为 1 到 9 的编号。')
  .refine((n) => TIP_CONSUMPTION_ITEMS.includes(n), '限制消费事项应为 1 到 9 的编号。');

const locationSchema = z
  .object({
    lat: z
      .number({ error: '纬度应为数字。' })
      .min(-90, '纬度应在 -90 到 90 之间。')
      .max(90, '纬度应在 -90 到 90 之间。'),
    lng: z
      .number({ error: '经度应为数字。' })
      .min(-180, '经度应在 -180 到 180 之间。')
      .max(180, '经度应在 -180 到 180 之间。'),
  })
  .meta({ id: 'TipLocation' });

/** The fields every submission carries, json or multipart (after the multipart strings are read). */
const tipFields = {
  listingId: idString('失信信息编号'),
  rewardNoticeId: z
    .string({ error: '悬赏公告编号格式不正确。' })
    .max(64, '悬赏公告编号格式不正确。')
    .optional(),
  kind: tipKindSchema,
  assetType: tipAssetTypeSchema.optional(),
  consumptionItem: consumptionItem.optional(),
  description: z
    .string({ error: '请描述您看到的情况。' })
    .trim()
    .min(1, '请描述您看到的情况。')
    .max(TIP_DESCRIPTION_MAX, `情况描述最多 ${TIP_DESCRIPTION_MAX} 字。`),
  seenAt: z.iso
    .datetime({ offset: true, error: '发现时间应为日期时间，如 2026-05-01T14:30:00+08:00。' })
    .optional(),
  place: z
    .string({ error: '地点应为文字。' })
    .trim()
    .max(TIP_PLACE_MAX, `地点最多 ${TIP_PLACE_MAX} 字。`)
    .optional(),
  location: locationSchema.optional(),
  contactName: z
    .string({ error: '姓名应为文字。' })
    .trim()
    .max(TIP_CONTACT_NAME_MAX, `姓名最多 ${TIP_CONTACT_NAME_MAX} 字。`)
    .optional(),
  contactPhone: z
    .string({ error: '联系电话应为文字。' })
    .trim()
    .refine((v) => v === '' || isTipPhone(v), '请填写有效的手机号或带区号的固定电话。')
    .optional(),
  /** Photos uploaded one by one before (`POST /api/v1/tips/photos`), by their upload ids. */
  photoIds: z
    .array(tipPhotoIdSchema, { error: '照片编号应为列表。' })
    .max(TIP_MAX_PHOTOS, `最多上传 ${TIP_MAX_PHOTOS} 张照片。`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能引用一次。')
    .optional(),
  /** Honeypot: hidden from people; a filled value is refused with a neutral message. */
  website: z.string().max(500, '提交的内容有误。').optional(),
};

type TipFieldsInput = {
  kind: string;
  assetType?: string | undefined;
  consumptionItem?: number | undefined;
  rewardNoticeId?: string | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
};

/** Cross-field rules: sub-choices match the kind; a reward claim needs name and phone (art. 23). */
function tipRules(v: TipFieldsInput, ctx: z.RefinementCtx): void {
  if (v.assetType !== undefined && v.kind !== 'asset')
    ctx.addIssue({ code: 'custom', path: ['assetType'], message: '只有财产线索需要选择财产类型。' });
  if (v.consumptionItem !== undefined && v.kind !== 'consumption')
    ctx.addIssue({
      code: 'custom',
      path: ['consumptionItem'],
      message: '只有违反限制消费的线索需要选择事项。',
    });
  if (v.rewardNoticeId) {
    if (!v.contactName)
      ctx.addIssue({
        code: 'custom',
        path: ['contactName'],
        message: '申领悬赏须留下姓名，以便登记和发放悬赏金。',
      });
    if (!v.contactPhone)
      ctx.addIssue({
        code: 'custom',
        path: ['contactPhone'],
        message: '申领悬赏须留下联系电话，以便登记和发放悬赏金。',
      });
  }
}

/** `POST /api/v1/tips` as `application/json`. */
export const tipSubmitSchema = z.object(tipFields).superRefine(tipRules).meta({ id: 'TipSubmit' });
export type TipSubmit = z.output<typeof tipSubmitSchema>;
export type TipSubmitInput = z.input<typeof tipSubmitSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const fileSchema = z
  .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, '照片应以文件上传（字段 photos）。')
  .meta({ type: 'string', format: 'binary', description: 'JPEG、PNG 或 WebP 照片，每张不超过 10 MB' });

/**
 * `POST /api/v1/tips` as `multipart/form-data`: the same fields as text (empty means absent),
 * `location` as JSON text or `lat` + `lng`, up to six image files under `photos`.
 */
export const tipSubmitFormSchema = z
  .object({
    ...tipFields,
    rewardNoticeId: z.preprocess(emptyToUndefined, tipFields.rewardNoticeId),
    assetType: z.preprocess(emptyToUndefined, tipFields.assetType),
    consumptionItem: z.preprocess(
      (v) => (v === '' || v === undefined ? undefined : Number(v)),
      tipFields.consumptionItem,
    ),
    seenAt: z.preprocess(emptyToUndefined, tipFields.seenAt),
    place: z.preprocess(emptyToUndefined, tipFields.place),
    location: z.preprocess((v) => {
      if (v === '' || v === undefined) return undefined;
      try {
        return typeof v === 'string' ? JSON.parse(v) : v;
      } catch {
        return v;
      }
    }, tipFields.location),
    lat: z.preprocess(emptyToUndefined, z.coerce.number({ error: '纬度应为数字。' }).optional()),
    lng: z.preprocess(emptyToUndefined, z.coerce.number({ error: '经度应为数字。' }).optional()),
    contactName: z.preprocess(emptyToUndefined, tipFields.contactName),
    contactPhone: z.preprocess(emptyToUndefined, tipFields.contactPhone),
    photoIds: z.preprocess(
      (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',')),
      tipFields.photoIds,
    ),
    photos: z
      .preprocess(
        (v) =>
          // a form's empty file input arrives as an empty string or a nameless, empty file: no photo
          (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(
            (f) =>
              f !== '' &&
              !(typeof File !== 'undefined' && f instanceof File && f.size === 0 && f.name === ''),
          ),
        z.array(fileSchema, { error: '照片应以文件上传（字段 photos）。' }),
      )
      .refine((files) => files.length <= TIP_MAX_PHOTOS, `最多上传 ${TIP_MAX_PHOTOS} 张照片。`),
  })
  .superRefine(tipRules)
  .meta({ id: 'TipSubmitForm' });
export type TipSubmitForm = z.output<typeof tipSubmitFormSchema>;

export const tipReceiptSchema = z
  .object({
    receipt: z.string().meta({ description: '回执码（80 位随机数，四字一组），只显示这一次，请抄下' }),
    submittedAt: z.iso.datetime(),
    registrationNo: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: '悬赏登记序号（仅申领悬赏时）' }),
  })
  .meta({ id: 'TipReceipt' });
export type TipReceipt = z.output<typeof tipReceiptSchema>;

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1, '幂等键不能为空。')
    .max(255, '幂等键（Idempotency-Key）最长 255 个字符。')
    .optional()
    .meta({ description: '同一键同一内容只保存一次，重试时返回同一回执' }),
  /** from the mini-program: links the tip to the WeChat user (content check, subscription message) */
  [WECHAT_SESSION_HEADER]: wechatSessionSchema.optional(),
});

export const tipSubmitRoute = {
  method: 'post',
  path: '/api/v1/tips',
  tags: ['举报线索'],
  summary: '提交举报线索（可附照片，可申领悬赏）',
  request: {
    headers: idempotencyHeaders,
    body: {
      required: false,
      content: {
        'application/json': { schema: tipSubmitSchema },
        'multipart/form-data': { schema: tipSubmitFormSchema },
      },
    },
  },
  responses: {
    201: jsonResponse(tipReceiptSchema, '线索已可靠保存'),
    ...errorResponses(400, 404, 409, 413, 415, 422, 429, 503),
  },
} as const satisfies ApiRoute;

export const tipLookupSchema = z
  .object({
    receipt: z
      .string({ error: '请输入回执码。' })
      .min(1, '请输入回执码。')
      .max(RECEIPT_INPUT_MAX, '回执码格式不正确。'),
  })
  .meta({ id: 'TipLookup' });

export const tipMessageSchema = z
  .object({ at: z.iso.datetime(), text: z.string() })
  .meta({ id: 'TipMessage' });

export const tipLookupResultSchema = z
  .object({
    status: tipStatusSchema,
    statusLabel: z.string(),
    updatedAt: z.iso.datetime(),
    registrationNo: z.number().int().positive().nullable(),
    messages: z.array(tipMessageSchema),
  })
  .meta({ id: 'TipLookupResult' });
export type TipLookupResult = z.output<typeof tipLookupResultSchema>;

/** Receipts travel only in a POST body, never in a URL. */
export const tipLookupRoute = {
  method: 'post',
  path: '/api/v1/tips/lookup',
  tags: ['举报线索'],
  summary: '凭回执码查询办理情况',
  request: { body: jsonBody(tipLookupSchema) },
  responses: {
    200: jsonResponse(tipLookupResultSchema, '办理情况和执行单元的答复'),
    ...errorResponses(400, 404, 429),
  },
} as const satisfies ApiRoute;

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
