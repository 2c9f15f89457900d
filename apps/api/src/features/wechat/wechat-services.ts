import { createWechatClient, type WechatClient, wechatSettingFromEnv } from '@portal/wechat';
import type { Env } from '../../env.ts';
import { ApiError } from '../../errors.ts';

/**
 * The mini-program's server side of WeChat, built once per runtime. Without WECHAT_APPID and
 * WECHAT_SECRET `client` is null: login, content checks, subscription messages and poster codes
 * are off, routes answer 503 WECHAT_DISABLED, and tips are accepted as from any other channel.
 */
export interface WechatServices {
  client: WechatClient | null;
  /** why the features are off (English, for logs and the status route's zh-CN text) */
  disabledReason?: string;
  /** template of the "tip status changed" subscription message; none → no message */
  tipTemplateId?: string | undefined;
  /** that template's data keys for status, time and note */
  tipTemplateKeys: [string, string, string];
  /** wakes the subscription-message worker after a commit that queued one */
  wake(): void;
  /**
   * Public https origin WeChat fetches tip photos from for `mediaCheckAsync` (SITE_URL); absent
   * when WeChat is off or SITE_URL is not https, and then no photo is sent.
   */
  mediaBaseUrl?: string | undefined;
  /** why photos are not sent (English, for logs), when `mediaBaseUrl` is absent */
  mediaCheckOffReason?: string | undefined;
  /** wakes the photo-check worker after a tip's commit queued photos */
  wakeMedia(): void;
}

/** SITE_URL as the media origin, if WeChat can fetch from it (https, no path). */
function mediaBase(env: Env): { base?: string; reason?: string } {
  if (!env.SITE_URL) return { reason: 'SITE_URL is not set' };
  let url: URL;
  try {
    url = new URL(env.SITE_URL);
  } catch {
    return { reason: 'SITE_URL is not a URL' };
  }
  if (url.protocol !== 'https:') return { reason: 'SITE_URL is not https' };
  return { base: url.origin };
}

export function createWechatServices(
  env: Env,
  fetchImpl?: (input: string, init?: RequestInit) => Promise<Response>,
): WechatServices {
  const setting = wechatSettingFromEnv({
    WECHAT_APPID: env.WECHAT_APPID,
    WECHAT_SECRET: env.WECHAT_SECRET,
    WECHAT_API_BASE: env.WECHAT_API_BASE,
  });
  const keys = env.WECHAT_TIP_TEMPLATE_KEYS.split(',').map((k) => k.trim()) as [string, string, string];
  if (!setting.enabled)
    return {
      client: null,
      disabledReason: setting.reason,
      mediaCheckOffReason: setting.reason,
      tipTemplateKeys: keys,
      wake() {},
      wakeMedia() {},
    };
  const media = mediaBase(env);
  return {
    client: createWechatClient({ ...setting.config, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    tipTemplateId: env.WECHAT_TIP_TEMPLATE_ID,
    tipTemplateKeys: keys,
    mediaBaseUrl: media.base,
    mediaCheckOffReason: media.reason,
    wake() {},
    wakeMedia() {},
  };
}

/** The client, or 503 with a zh-CN sentence saying the features are off. */
export function requireWechat(services: WechatServices): WechatClient {
  if (!services.client) throw new ApiError('WECHAT_DISABLED', { logDetail: services.disabledReason });
  return services.client;
}
