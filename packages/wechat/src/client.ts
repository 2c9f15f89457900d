import type { WechatConfig } from './config.ts';
import { TOKEN_ERRORS, WechatError } from './errors.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface WechatClientOptions extends WechatConfig {
  fetch?: Fetch;
  now?: () => number;
}

export interface Session {
  openid: string;
  unionid?: string;
  /** Server-side only: never send it to the mini-program or log it. */
  sessionKey: string;
}

export type Suggest = 'pass' | 'review' | 'risky';

export interface TextCheck {
  suggest: Suggest;
  /** WeChat's label: 100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, … */
  label: number;
  traceId: string;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** page of the mini-program to open, e.g. `sub/my-tips/index` */
  page?: string;
  /** `{ thing1: '已收到', character_string2: 'ABCD-…' }`: thing ≤ 20 chars, character_string ≤ 32 */
  data: Record<string, string>;
  state?: 'developer' | 'trial' | 'formal';
}

/** The characters `getwxacodeunlimit` accepts in `scene` (≤ 32 of them). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
/** `msgSecCheck` v2 takes at most 2,500 characters. */
export const MSG_SEC_CHECK_MAX = 2500;
/** Refresh the cached token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * The WeChat server API for the mini-program. One instance per process caches the stable access
 * token (shared by concurrent callers and by every process, refreshed before expiry and once after
 * a token error).
 */
export function createWechatClient(options: WechatClientOptions) {
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/$/, '');
  let token: { value: string; expiresAt: number } | null = null;
  let refreshing: Promise<string> | null = null;

  async function json<T>(
    path: string,
    init?: RequestInit,
  ): Promise<T & { errcode?: number; errmsg?: string }> {
    const res = await doFetch(`${base}${path}`, init);
    if (!res.ok) throw new WechatError(-1, `HTTP ${res.status}`);
    const body = (await res.json()) as T & { errcode?: number; errmsg?: string };
    if (body.errcode) throw new WechatError(body.errcode, body.errmsg ?? '');
    return body;
  }

  /**
   * `getStableAccessToken` in normal mode: every process (and any other system holding the app's
   * secret) gets the same token while it is valid, so several server processes never invalidate
   * each other's token as `/cgi-bin/token` would. Force-refresh mode is never used for that reason.
   */
  async function fetchToken(): Promise<string> {
    const body = await json<{ access_token: string; expires_in: number }>('/cgi-bin/stable_token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: options.appId,
        secret: options.secret,
        force_refresh: false,
      }),
    });
    // `expires_in` is what remains of the shared token's life: near its end, ask again after half
    // of what remains instead of on every call.
    const lifeMs = body.expires_in * 1000;
    const usableMs = lifeMs - TOKEN_MARGIN_MS >= 60_000 ? lifeMs - TOKEN_MARGIN_MS : lifeMs / 2;
    token = { value: body.access_token, expiresAt: now() + usableMs };
    return body.access_token;
  }

  /** The cached access token, fetched once for all concurrent callers when missing or stale. */
  async function accessToken(force = false): Promise<string> {
    if (!force && token && now() < token.expiresAt) return token.value;
    refreshing ??= fetchToken().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** POST with the access token; one fresh token and one retry after a token error. */
  async function post<T>(path: string, payload: unknown, raw = false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const t = await accessToken(attempt > 0);
      const init = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      };
      try {
        if (!raw) return await json<T>(`${path}?access_token=${encodeURIComponent(t)}`, init);
        const res = await doFetch(`${base}${path}?access_token=${encodeURIComponent(t)}`, init);
        if (!res.ok) throw new WechatError(-1, `HTTP ${res.status}`);
        if ((res.headers.get('content-type') ?? '').includes('json')) {
          const body = (await res.json()) as { errcode?: number; errmsg?: string };
          throw new WechatError(body.errcode ?? -1, body.errmsg ?? 'unexpected JSON');
        }
        return new Uint8Array(await res.arrayBuffer()) as T;
      } catch (err) {
        if (attempt === 0 && err instanceof WechatError && TOKEN_ERRORS.has(err.errcode)) {
          token = null;
          continue;
        }
        throw err;
      }
    }
  }

  return {
    accessToken: () => accessToken(),

    /** `jscode2session`: the login code from `wx.login` → the user's openid (and session key, server-side). */
    async code2Session(code: string): Promise<Session> {
      const q = new URLSearchParams({
        appid: options.appId,
        secret: options.secret,
        js_code: code,
        grant_type: 'authorization_code',
      });
      const body = await json<{ openid: string; session_key: string; unionid?: string }>(
        `/sns/jscode2session?${q}`,
      );
      return {
        openid: body.openid,
        sessionKey: body.session_key,
        ...(body.unionid ? { unionid: body.unionid } : {}),
      };
    },

    /** `msgSecCheck` v2 for text a user wrote (the user must have opened the mini-program in the last 2 h). */
    async checkText(input: { openid: string; content: string; scene?: 1 | 2 | 3 | 4 }): Promise<TextCheck> {
      if ([...input.content].length > MSG_SEC_CHECK_MAX) {
        throw new RangeError(`msgSecCheck takes at most ${MSG_SEC_CHECK_MAX} characters`);
      }
      const body = await post<{ result: { suggest: Suggest; label: number }; trace_id: string }>(
        '/wxa/msg_sec_check',
        { content: input.content, version: 2, scene: input.scene ?? 2, openid: input.openid },
      );
      return { suggest: body.result.suggest, label: body.result.label, traceId: body.trace_id };
    },

    /** `mediaCheckAsync` v2: WeChat fetches the https URL and pushes the verdict (by trace id) within 30 min. */
    async checkMediaAsync(input: {
      openid: string;
      mediaUrl: string;
      scene?: 1 | 2 | 3 | 4;
    }): Promise<{ traceId: string }> {
      if (!input.mediaUrl.startsWith('https://'))
        throw new RangeError('mediaCheckAsync needs an https media URL');
      const body = await post<{ trace_id: string }>('/wxa/media_check_async', {
        media_url: input.mediaUrl,
        media_type: 2,
        version: 2,
        scene: input.scene ?? 2,
        openid: input.openid,
      });
      return { traceId: body.trace_id };
    },

    /** Subscription message (e.g. a tip's status changed); 43101 when the user did not subscribe. */
    async sendSubscribeMessage(msg: SubscribeMessage): Promise<void> {
      const data = Object.fromEntries(Object.entries(msg.data).map(([k, value]) => [k, { value }]));
      await post('/cgi-bin/message/subscribe/send', {
        touser: msg.openid,
        template_id: msg.templateId,
        ...(msg.page ? { page: msg.page } : {}),
        data,
        miniprogram_state: msg.state ?? 'formal',
        lang: 'zh_CN',
      });
    },

    /** `getwxacodeunlimit`: a poster's mini-program code (image bytes) opening `page` with `scene`. */
    async unlimitedCode(input: { scene: string; page: string; width?: number }): Promise<Uint8Array> {
      if (!SCENE.test(input.scene))
        throw new RangeError("scene must be 1–32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]");
      if (input.page.startsWith('/')) throw new RangeError('page must not start with a slash');
      return post<Uint8Array>(
        '/wxa/getwxacodeunlimit',
        { scene: input.scene, page: input.page, width: input.width ?? 430, check_path: true },
        true,
      );
    },
  };
}

export type WechatClient = ReturnType<typeof createWechatClient>;
