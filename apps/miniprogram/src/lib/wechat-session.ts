import { wechatLoginRoute } from '@portal/contract/routes';
import Taro from '@tarojs/taro';
import { api } from '../api/client.ts';

const KEY = 'wechatSession';
/** The header that carries the session to the API (contract: `x-wechat-session`). */
export const SESSION_HEADER = 'x-wechat-session';

interface Stored {
  session: string;
  expiresAtMs: number;
}

/**
 * The mini-program's session with our API, on WeChat only: `Taro.login` gives a one-time code,
 * the API trades it with WeChat for the openid and answers its own opaque session (WeChat's
 * session key never reaches the phone). Kept in storage until it expires. Anything failing —
 * WeChat features off on the server (503), no network — answers null: a tip still goes, without
 * the content check and the status message that need the session.
 */
export async function wechatSession(now = Date.now()): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  const stored = Taro.getStorageSync(KEY) as Stored | '';
  if (stored && stored.expiresAtMs - now > 60_000) return stored.session;
  try {
    const { code } = await Taro.login();
    const answer = await api.call(wechatLoginRoute, { json: { code } });
    Taro.setStorageSync(KEY, { session: answer.session, expiresAtMs: Date.parse(answer.expiresAt) });
    return answer.session;
  } catch {
    return null;
  }
}

/** Drops a session the API no longer knows (401), so the next call logs in afresh. */
export function forgetWechatSession(): void {
  Taro.removeStorageSync(KEY);
}
