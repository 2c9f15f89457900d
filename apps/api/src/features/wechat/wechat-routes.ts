import { rewardWxacodeRoute, tipSubscribeRoute, wechatLoginRoute, wechatStatusRoute } from '@portal/contract';
import { normalizeReceipt } from '@portal/domain';
import { WechatError } from '@portal/wechat';
import type { MiddlewareHandler } from 'hono';
import type { ApiApp, AppDeps, AppEnv } from '../../context.ts';
import { API_ERRORS, ApiError } from '../../errors.ts';
import { publicReward } from '../rewards/rewards-service.ts';
import { clientMac } from '../tips/tips-services.ts';
import { subscribeToTip } from './tip-subscriptions.ts';
import { registerWechatPush } from './wechat-push-routes.ts';
import { requireWechat } from './wechat-services.ts';
import { startWechatSession } from './wechat-sessions.ts';

/** WeChat's answers to `jscode2session` mapped to ours; anything else is "WeChat unavailable". */
function loginError(error: unknown): ApiError {
  if (!(error instanceof WechatError)) return new ApiError('WECHAT_UNAVAILABLE', { cause: error });
  const logDetail = `jscode2session errcode ${error.errcode}`;
  if (error.errcode === 40029 || error.errcode === 40163)
    return new ApiError('WECHAT_CODE_INVALID', { field: 'code', logDetail });
  if (error.errcode === 45011)
    return new ApiError('RATE_LIMITED', {
      message: error.userMessage,
      headers: { 'Retry-After': '60' },
      logDetail,
    });
  if (error.errcode === 40226) return new ApiError('FORBIDDEN', { message: error.userMessage, logDetail });
  return new ApiError('WECHAT_UNAVAILABLE', { cause: error, logDetail });
}

/**
 * The mini-program's WeChat routes: status, login (`code2Session` → our own opaque session; the
 * openid stays on the server, sealed, and WeChat's session_key is dropped at once), subscription
 * to a tip's status changes, and 悬赏 poster codes. All answer 503 WECHAT_DISABLED without
 * WECHAT_APPID and WECHAT_SECRET.
 */
export function registerWechat(app: ApiApp, deps: AppDeps): void {
  const throttle =
    (bucket: string): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      const s = deps.tips;
      await s.limiter.hit(bucket, clientMac(c, s.keyring), s.lookupsPerHour, deps.now().getTime());
      await next();
    };

  app.openapi(wechatStatusRoute, (c) => {
    c.header('Cache-Control', 'no-cache');
    const w = deps.wechat;
    const photoCheck = w.mediaBaseUrl
      ? { enabled: true }
      : {
          enabled: false,
          reason: w.client
            ? '照片内容安全检测未开启：服务端尚未配置可供微信访问的 https 网站地址（SITE_URL）。'
            : API_ERRORS.WECHAT_DISABLED[1],
        };
    return c.json(
      w.client
        ? { enabled: true, photoCheck }
        : { enabled: false, reason: API_ERRORS.WECHAT_DISABLED[1], photoCheck },
      200,
    );
  });

  app.openapi({ ...wechatLoginRoute, middleware: [throttle('wechat-login')] }, async (c) => {
    const client = requireWechat(deps.wechat);
    const { code } = c.req.valid('json');
    const user = await client.code2Session(code).catch((error: unknown) => {
      throw loginError(error);
    });
    const session = await startWechatSession(deps.db, deps.tips.keyring, user.openid, deps.now());
    c.header('Cache-Control', 'no-store');
    return c.json(session, 200);
  });

  app.openapi({ ...tipSubscribeRoute, middleware: [throttle('lookup')] }, async (c) => {
    requireWechat(deps.wechat);
    if (!deps.wechat.tipTemplateId)
      throw new ApiError('WECHAT_DISABLED', {
        message: '订阅消息未开启：服务端尚未配置“线索办理进度”消息模板。',
      });
    const receipt = normalizeReceipt(c.req.valid('json').receipt);
    if (!receipt) throw new ApiError('RECEIPT_NOT_FOUND', { field: 'receipt' });
    await subscribeToTip(deps, c.req.valid('header')['x-wechat-session'], receipt);
    c.header('Cache-Control', 'no-store');
    return c.json({ subscribed: true as const }, 200);
  });

  app.openapi(rewardWxacodeRoute, async (c) => {
    const client = requireWechat(deps.wechat);
    // 404 for a notice that is not (or no longer) public, before asking WeChat anything
    const notice = await publicReward(deps, c.req.valid('param').id);
    // scene ≤ 32 characters: the notice id (27) is short enough; the page reads it as `scene`
    const image = await client
      .unlimitedCode({ scene: notice.id, page: 'sub/rewards/index' })
      .catch((error: unknown) => {
        throw new ApiError('WECHAT_UNAVAILABLE', { cause: error });
      });
    return c.body(new Uint8Array(image), 200, {
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'public, max-age=3600',
    });
  });

  registerWechatPush(app, deps);
}
