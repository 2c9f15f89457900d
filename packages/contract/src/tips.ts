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

export const idString = (what: string) =>
  z
    .string({ error: `请提供${what}。` })
    .min(1, `请提供${what}。`)
    .max(64, `${what}格式不正确。`);

const consumptionItem = z
  .number({ error: '限制消费事项应为 1 到 9 的编号。' })
  .int('限制消费事项应为 1 到 9 的编号。')
  .refine((n) => TIP_CONSUMPTION_ITEMS.includes(n), '限制消费事项应为 1 到 9 的编号。');

export const locationSchema = z
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

/**
 * `POST /api/v1/tips` as `application/json`. A key it does not know is refused (400 naming it):
 * a contact sent as `contact: {…}` must not be dropped silently and the tip stored as anonymous.
 */
export const tipSubmitSchema = z
  .strictObject(tipFields, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}。` : undefined,
  })
  .superRefine(tipRules)
  .meta({ id: 'TipSubmit' });
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
