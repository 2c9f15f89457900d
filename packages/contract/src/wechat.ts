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
