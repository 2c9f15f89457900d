import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

/**
 * The mini-program's WeChat features (issue 10): login by `wx.login` code, subscription to a tip's
 * status changes, poster codes. Off (503 with a zh-CN reason) unless the server has
 * WECHAT_APPID and WECHAT_SECRET; `GET /api/v1/wechat/status` says which.
 */

/** The opaque session the API hands out after `code2Session`; WeChat's session_key never leaves the server. */
export const WECHAT_SESSION_HEADER = 'x-wechat-session';
export const wechatSessionSchema = z
  .string()
  .regex(/^ws_[A-Za-z0-9_-]{43}$/, '小程序登录状态无效，请重新进入小程序。')
  .meta({ description: '小程序会话（登录后由本服务签发，不含任何微信凭证）' });

export const wechatStatusSchema = z
  .object({
    enabled: z.boolean(),
    reason: z.string().optional().meta({ description: '未开启时的原因（中文）' }),
    photoCheck: z
      .object({
        enabled: z.boolean(),
        reason: z.string().optional().meta({ description: '未开启时的原因（中文）' }),
      })
      .meta({ description: '小程序线索照片是否送微信 mediaCheckAsync 异步检测（需 https 的 SITE_URL）' }),
  })
  .meta({ id: 'WechatStatus' });

export const wechatStatusRoute = {
  method: 'get',
  path: '/api/v1/wechat/status',
  tags: ['微信小程序'],
  summary: '微信相关功能是否开启（登录、内容安全、订阅消息、小程序码）',
  responses: { 200: jsonResponse(wechatStatusSchema, '开启状态') },
} as const satisfies ApiRoute;

export const wechatLoginSchema = z
  .object({
    code: z
      .string({ error: '缺少登录凭证（code）。' })
      .min(1, '缺少登录凭证（code）。')
      .max(128, '登录凭证（code）格式不正确。'),
  })
  .meta({ id: 'WechatLogin' });

export const wechatSessionResultSchema = z
  .object({ session: wechatSessionSchema, expiresAt: z.iso.datetime() })
  .meta({ id: 'WechatSession' });
export type WechatSessionResult = z.output<typeof wechatSessionResultSchema>;

export const wechatLoginRoute = {
  method: 'post',
  path: '/api/v1/wechat/login',
  tags: ['微信小程序'],
  summary: '用 wx.login 的 code 换取本服务的小程序会话（只用 openid）',
  request: { body: jsonBody(wechatLoginSchema) },
  responses: {
    200: jsonResponse(wechatSessionResultSchema, '会话（不含 session_key）'),
    ...errorResponses(400, 403, 429, 503),
  },
} as const satisfies ApiRoute;

export const tipSubscriptionSchema = z
  .object({
    receipt: z.string({ error: '请提供回执码。' }).min(1, '请提供回执码。').max(64, '回执码格式不正确。'),
  })
  .meta({ id: 'TipSubscription' });

export const tipSubscribeRoute = {
  method: 'post',
  path: '/api/v1/wechat/tip-subscriptions',
  tags: ['微信小程序'],
  summary: '用户在小程序中同意订阅后，登记“线索办理进度”订阅消息',
  request: {
    headers: z.object({ [WECHAT_SESSION_HEADER]: wechatSessionSchema }),
    body: jsonBody(tipSubscriptionSchema),
  },
  responses: {
    200: jsonResponse(z.object({ subscribed: z.literal(true) }), '已登记，状态变化时发送一次订阅消息'),
    ...errorResponses(400, 401, 404, 429, 503),
  },
} as const satisfies ApiRoute;

export const rewardWxacodeRoute = {
  method: 'get',
  path: '/api/v1/rewards/{id}/wxacode.jpg',
  tags: ['微信小程序'],
  summary: '悬赏公告的小程序码（海报用，scene 为公告编号）',
  request: { params: z.object({ id: z.string().max(64).meta({ description: '悬赏公告编号' }) }) },
  responses: {
    200: { description: '小程序码图片（JPEG）', content: { 'image/jpeg': { schema: z.any() } } },
    ...errorResponses(404, 503),
  },
} as const satisfies ApiRoute;

/**
 * WeChat's message push (消息推送) to this server, plaintext mode only: WeChat signs each call
 * with the push token configured in the MP backend (`WECHAT_PUSH_TOKEN` here):
 * sha1 of the sorted token, timestamp and nonce equals `signature`. The encrypted (安全) mode is
 * not supported. WeChat adds further parameters (openid, encrypt_type…), hence a loose object.
 */
export const wechatPushQuerySchema = z.looseObject({
  signature: z.string().max(64).optional().meta({ description: '微信签名（sha1）' }),
  timestamp: z.string().max(32).optional(),
  nonce: z.string().max(64).optional(),
  encrypt_type: z.string().max(16).optional().meta({ description: '安全模式时为 aes（不支持）' }),
});

export const wechatPushHandshakeRoute = {
  method: 'get',
  path: '/api/v1/wechat/events',
  tags: ['微信小程序'],
  summary: '微信消息推送的服务器地址校验：签名正确时原样返回 echostr',
  request: {
    query: wechatPushQuerySchema.extend({ echostr: z.string().max(128).optional() }),
  },
  responses: {
    200: { description: 'echostr 原文', content: { 'text/plain': { schema: z.string() } } },
    ...errorResponses(400, 401, 503),
  },
} as const satisfies ApiRoute;

/** The part of a push this server reads; other events are acknowledged and ignored. */
export const wechatPushEventSchema = z.looseObject({
  ToUserName: z.string().max(64).optional(),
  MsgType: z.string().max(32).optional(),
  Event: z.string().max(64).optional(),
  trace_id: z.string().max(128).optional(),
  result: z
    .looseObject({
      suggest: z.string().max(16).optional().meta({ description: 'pass / review / risky' }),
      label: z.number().optional(),
    })
    .optional(),
});

export const wechatPushRoute = {
  method: 'post',
  path: '/api/v1/wechat/events',
  tags: ['微信小程序'],
  summary: '接收微信消息推送（JSON 明文模式），如图片内容安全异步检测结果 wxa_media_check',
  request: { query: wechatPushQuerySchema, body: jsonBody(wechatPushEventSchema) },
  responses: {
    200: { description: '固定回复 success', content: { 'text/plain': { schema: z.literal('success') } } },
    ...errorResponses(400, 401, 503),
  },
} as const satisfies ApiRoute;

/** A media token: 32 random bytes, base64url (43 characters), minted per submitted photo. */
export const wechatMediaTokenSchema = z
  .string()
  .max(64, '链接无效或已过期。')
  .meta({ description: '一次性媒体令牌（只在提交检测时生成，30 分钟内有效）' });

export const wechatMediaRoute = {
  method: 'get',
  path: '/api/v1/wechat/media/{token}',
  tags: ['微信小程序'],
  summary: '供微信 mediaCheckAsync 拉取的线索照片（已去除元数据，令牌 30 分钟内有效）',
  request: { params: z.object({ token: wechatMediaTokenSchema }) },
  responses: {
    200: { description: '照片（JPEG）', content: { 'image/jpeg': { schema: z.any() } } },
    ...errorResponses(400, 404),
  },
} as const satisfies ApiRoute;
