import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { json } from '../tips/tips-testing.ts';
import { pushSignature } from './wechat-push-signature.ts';

type Envelope = { error: { code: string; message: string } };
const TOKEN = 'pushToken2026';

/** Query WeChat appends to a push: signature over the token, timestamp and nonce. */
function signed(extra: Record<string, string> = {}, token = TOKEN): string {
  const timestamp = '1796000000';
  const nonce = '1514711492';
  const signature = pushSignature(token, timestamp, nonce);
  return new URLSearchParams({ signature, timestamp, nonce, ...extra }).toString();
}

/** The `wxa_media_check` push as WeChat documents it (JSON mode); ids are synthetic. */
const mediaCheckPush = (traceId: string, suggest: 'pass' | 'review' | 'risky') => ({
  ToUserName: 'gh_0123456789ab',
  FromUserName: 'o-demo-openid-演示数据',
  CreateTime: 1796000000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx0123456789abcdef',
  trace_id: traceId,
  version: 2,
  detail: [
    { strategy: 'content_model', errcode: 0, suggest, label: suggest === 'pass' ? 100 : 20002, prob: 90 },
  ],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
});

describe.each(backends())('WeChat message push without WECHAT_PUSH_TOKEN on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(() => t?.close());

  it('answers 503 with a zh-CN reason to the handshake and to pushes', async () => {
    for (const res of [
      await t.request(`/api/v1/wechat/events?${signed({ echostr: 'hello' })}`),
      await t.request(`/api/v1/wechat/events?${signed()}`, json(mediaCheckPush('trace-1', 'risky'))),
    ]) {
      expect(res.status).toBe(503);
      const body = (await res.json()) as Envelope;
      expect(body.error.code).toBe('WECHAT_DISABLED');
      expect(body.error.message).toContain('消息推送未开启');
    }
  });
});

describe.each(backends())('WeChat message push with WECHAT_PUSH_TOKEN on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend, { WECHAT_PUSH_TOKEN: TOKEN });
  });
  afterEach(() => t?.close());

  it('echoes echostr when the handshake is signed with the push token', async () => {
    const res = await t.request(`/api/v1/wechat/events?${signed({ echostr: '5893094817412837' })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('5893094817412837');
  });

  it('refuses with 401 a handshake signed with another token, or unsigned, and echoes nothing', async () => {
    const wrong = new URLSearchParams(signed({ echostr: 'leak' }));
    wrong.set('signature', '0'.repeat(40));
    for (const query of [signed({ echostr: 'leak' }, 'otherToken'), 'echostr=leak', wrong.toString()]) {
      const res = await t.request(`/api/v1/wechat/events?${query}`);
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).not.toContain('leak');
      expect((JSON.parse(text) as Envelope).error.message).toBe('微信消息推送的签名无效，已拒绝。');
    }
  });

  it('acknowledges a signed media-check verdict for an unknown trace id with success', async () => {
    const res = await t.request(
      `/api/v1/wechat/events?${signed()}`,
      json(mediaCheckPush('60f96f1d-3845297a-1976a3ca', 'risky')),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(t.logLines.join('')).toContain('unknown trace id ignored');
  });

  it('refuses with 401 a push whose signature does not match', async () => {
    const res = await t.request(
      `/api/v1/wechat/events?${signed({}, 'otherToken')}`,
      json(mediaCheckPush('trace-2', 'risky')),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as Envelope).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the encrypted (安全) mode with a zh-CN reason', async () => {
    for (const res of [
      await t.request(`/api/v1/wechat/events?${signed({ encrypt_type: 'aes', echostr: 'x' })}`),
      await t.request(
        `/api/v1/wechat/events?${signed()}`,
        json({ ToUserName: 'gh_0123456789ab', Encrypt: 'AAAA' }),
      ),
    ]) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as Envelope).error.message).toContain('不支持安全模式');
    }
  });
});
