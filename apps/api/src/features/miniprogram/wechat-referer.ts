import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors.ts';

/** `https://servicewechat.com/{appid}/{version}/page-frame.html`: the Referer WeChat fixes for mini-program requests. */
const WECHAT_REFERER = /^https:\/\/servicewechat\.com\/([^/]+)\//;

/**
 * Requests from a mini-program carry the platform's Referer naming its app id. When
 * `WECHAT_APPID` is configured, a request naming another app id is refused (someone else's
 * mini-program using this API); requests without that Referer (site, H5, scripts) pass.
 * Without `WECHAT_APPID` nothing is checked.
 */
export function wechatRefererCheck(appId: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!appId) return next();
    const match = WECHAT_REFERER.exec(c.req.header('Referer') ?? '');
    if (match && match[1] !== appId) {
      throw new ApiError('FORBIDDEN', {
        message: '此小程序未获授权访问本服务。',
        logDetail: `mini-program referer names app id ${match[1]}, expected WECHAT_APPID`,
      });
    }
    return next();
  };
}
