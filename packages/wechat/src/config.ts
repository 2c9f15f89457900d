import { WechatDisabledError } from './errors.ts';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

export interface WechatConfig {
  appId: string;
  secret: string;
  /** WeChat's API origin; tests point it at a local server. */
  baseUrl: string;
}

export type WechatSetting = { enabled: true; config: WechatConfig } | { enabled: false; reason: string };

/**
 * Reads the mini-program's credentials from the environment. Without both, every WeChat feature
 * (login, content checks, subscription messages, poster codes) is off and says why.
 */
export function wechatSettingFromEnv(env: Record<string, string | undefined>): WechatSetting {
  const appId = env.WECHAT_APPID?.trim();
  const secret = env.WECHAT_SECRET?.trim();
  if (!appId || !secret) {
    return { enabled: false, reason: new WechatDisabledError().message };
  }
  return {
    enabled: true,
    config: { appId, secret, baseUrl: env.WECHAT_API_BASE?.trim() || WECHAT_API_BASE },
  };
}
