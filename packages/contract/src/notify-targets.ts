import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

/**
 * Where each 执行单元's tip notifications go (a signed webhook and a 企业微信 group robot), set by a
 * court admin. URLs and secrets are write-only: stored encrypted, never returned; staff see the
 * scheme and host, whether a secret is set, and whether the target was disabled by a 410 Gone.
 * A unit without its own target uses the court-wide one (TIP_WEBHOOK_URL, TIP_WECOM_ROBOT_URL).
 */

export const notifyChannelSchema = z.enum(['webhook', 'wecom'], {
  error: '通知渠道只能是 webhook（签名回调）或 wecom（企业微信群机器人）。',
});

const WHSEC = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

export const notifyTargetInputSchema = z
  .object({
    url: z
      .string({ error: '请填写通知地址。' })
      .trim()
      .min(1, '请填写通知地址。')
      .max(2000, '通知地址过长。')
      .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
        error: '通知地址应为 http:// 或 https:// 开头的网址。',
      }),
    /** webhook only: `whsec_` + base64 of at least 24 random bytes; several while rotating */
    secrets: z
      .array(
        z
          .string({ error: '签名密钥应为文字。' })
          .regex(WHSEC, '签名密钥应为 whsec_ 开头、至少 24 字节随机数的 base64。'),
        { error: '签名密钥应为列表。' },
      )
      .max(3, '签名密钥最多 3 个（轮换时新旧并存）。')
      .optional(),
  })
  .strict()
  .meta({ id: 'NotifyTargetInput' });
export type NotifyTargetInput = z.output<typeof notifyTargetInputSchema>;

const disabledSchema = z
  .object({ at: z.iso.datetime(), reason: z.string() })
  .nullable()
  .meta({ description: '接收方答复 410 Gone 后停用；重新保存该地址即恢复' });

export const unitNotifyTargetSchema = z
  .object({
    unitId: z.string(),
    channel: notifyChannelSchema,
    /** scheme and host only; the full URL (a robot URL carries its key) is never returned */
    urlHint: z.string(),
    secretCount: z.number().int(),
    disabled: disabledSchema,
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'UnitNotifyTarget' });

export const courtNotifyTargetSchema = z
  .object({ channel: notifyChannelSchema, urlHint: z.string(), disabled: disabledSchema })
  .meta({ id: 'CourtNotifyTarget' });

const targetParams = z.object({
  unitId: z
    .string({ error: '请提供执行单元编号。' })
    .min(1, '请提供执行单元编号。')
    .max(64, '执行单元编号格式不正确。'),
  channel: notifyChannelSchema,
});

export const notifyTargetListRoute = {
  method: 'get',
  path: '/api/v1/admin/notify-targets',
  tags: ['举报线索（工作人员）'],
  summary: '各执行单元的线索通知地址（不含完整地址和密钥）及全院默认地址',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(unitNotifyTargetSchema),
        courtWide: z.array(courtNotifyTargetSchema),
      }),
      '通知地址',
    ),
    ...errorResponses(401, 403),
  },
} as const satisfies ApiRoute;

export const notifyTargetSetRoute = {
  method: 'put',
  path: '/api/v1/admin/units/{unitId}/notify-targets/{channel}',
  tags: ['举报线索（工作人员）'],
  summary: '设置执行单元的线索通知地址（法院管理员；保存后恢复被 410 停用的地址）',
  request: { params: targetParams, body: jsonBody(notifyTargetInputSchema) },
  responses: {
    200: jsonResponse(unitNotifyTargetSchema, '已保存'),
    ...errorResponses(400, 401, 403, 404),
  },
} as const satisfies ApiRoute;

export const notifyTargetDeleteRoute = {
  method: 'delete',
  path: '/api/v1/admin/units/{unitId}/notify-targets/{channel}',
  tags: ['举报线索（工作人员）'],
  summary: '删除执行单元的线索通知地址（此后使用全院默认地址）',
  request: { params: targetParams },
  responses: {
    200: jsonResponse(z.object({ unitId: z.string(), channel: notifyChannelSchema }), '已删除'),
    ...errorResponses(401, 403, 404),
  },
} as const satisfies ApiRoute;
