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
    return { client: null, disabledReason: setting.reason, tipTemplateKeys: keys, wake() {} };
  return {
    client: createWechatClient({ ...setting.config, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    tipTemplateId: env.WECHAT_TIP_TEMPLATE_ID,
    tipTemplateKeys: keys,
    wake() {},
  };
}

/** The client, or 503 with a zh-CN sentence saying the features are off. */
export function requireWechat(services: WechatServices): WechatClient {
  if (!services.client) throw new ApiError('WECHAT_DISABLED', { logDetail: services.disabledReason });
  return services.client;
}
