import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWechatClient } from './client.ts';
import { wechatSettingFromEnv } from './config.ts';
import { WechatError } from './errors.ts';

/**
 * A local stand-in for api.weixin.qq.com answering with the payloads WeChat documents (success
 * and each error code the client handles). It records every request.
 */
const seen: { path: string; body: Record<string, unknown> | null }[] = [];
let tokensIssued = 0;
let revoked = new Set<string>();
/** the app's current stable token on the stand-in platform */
let current: { value: string; expiresAt: number } | null = null;
/** another holder of the secret force-refreshes: the token in use dies, the next one is new */
function forceRefreshElsewhere() {
  if (current) revoked.add(current.value);
  current = null;
}
let server: Server;
let baseUrl: string;

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length
    ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
    : null;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    seen.push({ path: url.pathname, body });
    const send = (payload: unknown) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(payload));
    };
    const token = url.searchParams.get('access_token');
    const tokenValid = token?.startsWith('TOKEN') && !revoked.has(token);
    switch (url.pathname) {
      case '/cgi-bin/stable_token': {
        if (req.method !== 'POST' || body?.grant_type !== 'client_credential')
          return send({ errcode: 40002, errmsg: 'invalid grant_type' });
        if (body?.secret !== 'secret') return send({ errcode: 40125, errmsg: 'invalid appsecret' });
        if (body?.force_refresh !== false)
          return send({ errcode: 45009, errmsg: 'reach max api daily quota limit' });
        // normal mode: the app's one current token while it lives, with what remains of its life
        if (!current || clock >= current.expiresAt) {
          tokensIssued += 1;
          current = { value: `TOKEN${tokensIssued}`, expiresAt: clock + 7200_000 };
        }
        return send({
          access_token: current.value,
          expires_in: Math.round((current.expiresAt - clock) / 1000),
        });
      }
      case '/sns/jscode2session': {
        const code = url.searchParams.get('js_code');
        if (code === 'used') return send({ errcode: 40029, errmsg: 'invalid code' });
        if (code === 'fast') return send({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
        if (code === 'risky') return send({ errcode: 40226, errmsg: 'code blocked' });
        return send({ openid: 'o-user-1', session_key: 'SESSIONKEY==', unionid: 'u-1' });
      }
      case '/wxa/msg_sec_check':
        if (!tokenValid) return send({ errcode: 40001, errmsg: 'invalid credential' });
        return send({
          errcode: 0,
          errmsg: 'ok',
          result: String(body?.content).includes('违规')
            ? { suggest: 'risky', label: 20001 }
            : { suggest: 'pass', label: 100 },
          detail: [],
          trace_id: 'trace-text-1',
        });
      case '/wxa/media_check_async':
        if (!tokenValid) return send({ errcode: 42001, errmsg: 'access_token expired' });
        return send({ errcode: 0, errmsg: 'ok', trace_id: 'trace-media-1' });
      case '/cgi-bin/message/subscribe/send':
        if (body?.touser === 'refused')
          return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        if (body?.page === 'nope') return send({ errcode: 41030, errmsg: 'invalid page' });
        if (
          Object.values(body?.data ?? {}).some((v) => [...String((v as { value: string }).value)].length > 20)
        ) {
          return send({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' });
        }
        return send({ errcode: 0, errmsg: 'ok' });
      case '/wxa/getwxacodeunlimit':
        if (body?.page === 'pages/none/index') return send({ errcode: 41030, errmsg: 'invalid page' });
        res.setHeader('Content-Type', 'image/jpeg');
        return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      default:
        res.statusCode = 404;
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  tokensIssued = 0;
  revoked = new Set();
  current = null;
});

let clock = 0;
const client = (secret = 'secret') =>
  createWechatClient({ appId: 'wx0123456789abcdef', secret, baseUrl, now: () => clock });
const count = (path: string) => seen.filter((s) => s.path === path).length;

describe('code2Session', () => {
  it('answers the openid; the session key stays in the server-side result', async () => {
    expect(await client().code2Session('good')).toEqual({
      openid: 'o-user-1',
      unionid: 'u-1',
      sessionKey: 'SESSIONKEY==',
    });
  });
  it.each([
    ['used', 40029, '登录凭证无效或已使用，请重新登录。'],
    ['fast', 45011, '登录过于频繁，请稍后再试。'],
    ['risky', 40226, '该微信账号存在风险，暂不能登录。'],
  ])('turns code %s into WechatError %i with a zh-CN message', async (code, errcode, message) => {
    const err = await client()
      .code2Session(code)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatError);
    expect((err as WechatError).errcode).toBe(errcode);
    expect((err as WechatError).userMessage).toBe(message);
  });
});

describe('access token', () => {
  it('is fetched once for concurrent callers and reused until shortly before expiry', async () => {
    clock = 0;
    const c = client();
    const tokens = await Promise.all([c.accessToken(), c.accessToken(), c.accessToken()]);
    expect(new Set(tokens)).toEqual(new Set(['TOKEN1']));
    clock = 7200_000 - 6 * 60_000; // 6 min before expiry: still good
    expect(await c.accessToken()).toBe('TOKEN1');
    expect(count('/cgi-bin/stable_token')).toBe(1);
    clock = 7200_000 - 4 * 60_000; // inside the 5-minute margin: asked again, the platform's is the same
    expect(await c.accessToken()).toBe('TOKEN1');
    expect(await c.accessToken()).toBe('TOKEN1'); // …and kept for half its remaining life
    expect(count('/cgi-bin/stable_token')).toBe(2);
    clock = 7200_000; // expired on the platform: a new one
    expect(await c.accessToken()).toBe('TOKEN2');
    expect(count('/cgi-bin/stable_token')).toBe(3);
  });
  it('is the same token in two server processes, so neither invalidates the other', async () => {
    clock = 0;
    const first = client();
    const second = client();
    expect(await first.accessToken()).toBe(await second.accessToken());
    expect((await first.checkText({ openid: 'o-user-1', content: '正常内容' })).suggest).toBe('pass');
    expect((await second.checkText({ openid: 'o-user-1', content: '正常内容' })).suggest).toBe('pass');
    expect(count('/wxa/msg_sec_check')).toBe(2);
    expect(seen.filter((s) => s.path === '/cgi-bin/stable_token').map((s) => s.body?.force_refresh)).toEqual([
      false,
      false,
    ]);
  });
  it('is fetched again once after WeChat says it is invalid, and the call is retried', async () => {
    clock = 0;
    const c = client();
    expect(await c.accessToken()).toBe('TOKEN1');
    forceRefreshElsewhere();
    expect((await c.checkText({ openid: 'o-user-1', content: '正常内容' })).suggest).toBe('pass');
    expect(await c.accessToken()).toBe('TOKEN2');
    expect(count('/cgi-bin/stable_token')).toBe(2);
    expect(count('/wxa/msg_sec_check')).toBe(2);
  });
  it('reports a wrong secret instead of looping', async () => {
    const err = await client('wrong')
      .accessToken()
      .catch((e: unknown) => e);
    expect((err as WechatError).errcode).toBe(40125);
    expect(count('/cgi-bin/stable_token')).toBe(1);
  });
});

describe('content security', () => {
  it('sends msgSecCheck v2 and reads the suggestion', async () => {
    const c = client();
    expect(await c.checkText({ openid: 'o-user-1', content: '名下有车' })).toEqual({
      suggest: 'pass',
      label: 100,
      traceId: 'trace-text-1',
    });
    expect((await c.checkText({ openid: 'o-user-1', content: '违规内容' })).suggest).toBe('risky');
    expect(seen.find((s) => s.path === '/wxa/msg_sec_check')?.body).toEqual({
      content: '名下有车',
      version: 2,
      scene: 2,
      openid: 'o-user-1',
    });
  });
  it('refuses text over 2,500 characters before calling WeChat', async () => {
    await expect(client().checkText({ openid: 'o', content: '字'.repeat(2501) })).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
  it('starts mediaCheckAsync v2 for an https image and returns the trace id', async () => {
    expect(
      await client().checkMediaAsync({ openid: 'o-user-1', mediaUrl: 'https://example.org/p/1.jpg' }),
    ).toEqual({
      traceId: 'trace-media-1',
    });
    expect(seen.find((s) => s.path === '/wxa/media_check_async')?.body).toMatchObject({
      media_type: 2,
      version: 2,
    });
    await expect(
      client().checkMediaAsync({ openid: 'o', mediaUrl: 'http://example.org/1.jpg' }),
    ).rejects.toThrow(/https/);
  });
});

describe('subscription messages', () => {
  const msg = {
    openid: 'o-user-1',
    templateId: 'TPL',
    page: 'sub/my-tips/index',
    data: { thing1: '已收到' },
  };
  it('wraps each value as WeChat expects', async () => {
    await client().sendSubscribeMessage(msg);
    expect(seen.find((s) => s.path === '/cgi-bin/message/subscribe/send')?.body).toEqual({
      touser: 'o-user-1',
      template_id: 'TPL',
      page: 'sub/my-tips/index',
      data: { thing1: { value: '已收到' } },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });
  it.each([
    [{ ...msg, openid: 'refused' }, 43101],
    [{ ...msg, data: { thing1: '这是一段超过二十个字的很长很长很长很长的状态说明' } }, 47003],
    [{ ...msg, page: 'nope' }, 41030],
  ])('reports WeChat error %#', async (input, errcode) => {
    const err = await client()
      .sendSubscribeMessage(input)
      .catch((e: unknown) => e);
    expect((err as WechatError).errcode).toBe(errcode);
  });
});

describe('poster codes', () => {
  it('returns the image bytes for a short scene', async () => {
    const bytes = await client().unlimitedCode({ scene: 'r=7Kx9', page: 'sub/rewards/index' });
    expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
  it('refuses a scene over 32 characters or with other characters, and a page with a slash', async () => {
    await expect(client().unlimitedCode({ scene: 'x'.repeat(33), page: 'p' })).rejects.toThrow(RangeError);
    await expect(client().unlimitedCode({ scene: '中文', page: 'p' })).rejects.toThrow(RangeError);
    await expect(client().unlimitedCode({ scene: 'a', page: '/pages/x' })).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
  it('reports a JSON error answer as WechatError', async () => {
    const err = await client()
      .unlimitedCode({ scene: 'a', page: 'pages/none/index' })
      .catch((e: unknown) => e);
    expect((err as WechatError).errcode).toBe(41030);
  });
});

describe('configuration', () => {
  it('is off, saying why, without WECHAT_APPID and WECHAT_SECRET', () => {
    const off = wechatSettingFromEnv({ WECHAT_APPID: 'wx0123456789abcdef' });
    expect(off).toEqual({ enabled: false, reason: expect.stringContaining('WECHAT_SECRET') });
    expect(wechatSettingFromEnv({ WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 's' })).toEqual({
      enabled: true,
      config: { appId: 'wx0123456789abcdef', secret: 's', baseUrl: 'https://api.weixin.qq.com' },
    });
  });
});
