import { tips, tipWechatLinks, wechatMessages, wechatSessions } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { json, publishedListing, publishedRewardNotice, submit, tipBody } from '../tips/tips-testing.ts';
import { type FakeWechat, startFakeWechat } from './fake-wechat-server.ts';

type Envelope = { error: { code: string; message: string; field?: string } };
const APPID = 'wx0123456789abcdef';

describe.each(backends())(
  'WeChat features switched off (no WECHAT_APPID/WECHAT_SECRET) on $kind',
  (backend) => {
    let t: TestRuntime;
    beforeEach(async () => {
      t = await openTestRuntime(backend);
    });
    afterEach(() => t?.close());

    it('says so on the status route and answers 503 with a zh-CN reason on every WeChat route', async () => {
      const status = await (await t.request('/api/v1/wechat/status')).json();
      expect(status).toEqual({
        enabled: false,
        reason: expect.stringContaining('AppID 和 AppSecret'),
        photoCheck: { enabled: false, reason: expect.stringContaining('AppID 和 AppSecret') },
      });
      const session = `ws_${'a'.repeat(43)}`;
      const answers = [
        await t.request('/api/v1/wechat/login', json({ code: 'code-o1' })),
        await t.request(
          '/api/v1/wechat/tip-subscriptions',
          json({ receipt: 'AAAA' }, { 'x-wechat-session': session }),
        ),
        await t.request('/api/v1/rewards/R01ABCDEFGHJKMNPQRSTVWXYZ0/wxacode.jpg'),
      ];
      for (const res of answers) {
        expect(res.status).toBe(503);
        const body = (await res.json()) as Envelope;
        expect(body.error.code).toBe('WECHAT_DISABLED');
        expect(body.error.message).toContain('微信相关功能未开启');
      }
    });

    it('accepts a tip as before, even with a session header it cannot know', async () => {
      const listingId = await publishedListing(t);
      const sent = await submit(t, tipBody(listingId), { 'x-wechat-session': `ws_${'b'.repeat(43)}` });
      expect(sent.res.status).toBe(201);
      expect(await t.rt.deps.db.$count(tipWechatLinks)).toBe(0);
    });
  },
);

describe.each(backends())('WeChat features against a local WeChat stand-in on $kind', (backend) => {
  let wx: FakeWechat;
  let t: TestRuntime;
  let listingId: string;
  beforeAll(async () => {
    wx = await startFakeWechat();
  });
  afterAll(() => wx?.close());
  beforeEach(async () => {
    wx.calls.length = 0;
    t = await openTestRuntime(backend, {
      WECHAT_APPID: APPID,
      WECHAT_SECRET: 'secret',
      WECHAT_API_BASE: wx.url,
      WECHAT_TIP_TEMPLATE_ID: 'TMPL-tip-status',
    });
    listingId = await publishedListing(t);
  });
  afterEach(() => t?.close());

  const login = async (code: string) => {
    const res = await t.request('/api/v1/wechat/login', json({ code }));
    return { res, body: (await res.json()) as Envelope & { session: string; expiresAt: string } };
  };
  const subscribe = (session: string, receipt: string) =>
    t.request('/api/v1/wechat/tip-subscriptions', json({ receipt }, { 'x-wechat-session': session }));
  const setStatus = (tipId: string, status: string) =>
    t.request(`/api/v1/admin/tips/${tipId}/status`, { ...json({ status }), token: 'unitA' });
  const sends = () => wx.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send');

  it('logs in with a wx.login code: an opaque session, never the openid or session_key', async () => {
    // no https SITE_URL in this runtime: WeChat cannot fetch photos, and the status says so
    expect(await (await t.request('/api/v1/wechat/status')).json()).toEqual({
      enabled: true,
      photoCheck: { enabled: false, reason: expect.stringContaining('SITE_URL') },
    });
    const { res, body } = await login('code-o-alice');
    expect(res.status).toBe(200);
    expect(body.session).toMatch(/^ws_[A-Za-z0-9_-]{43}$/);
    const text = JSON.stringify(body);
    expect(text).not.toContain('o-alice');
    expect(text).not.toContain('SECRET-SESSION-KEY');
    const rows = JSON.stringify(await t.rt.deps.db.select().from(wechatSessions));
    expect(rows).not.toContain('o-alice');
    expect(rows).not.toContain(body.session);
    expect(rows).not.toContain('SECRET-SESSION-KEY');
    expect(t.logLines.join('')).not.toContain('SECRET-SESSION-KEY');
    const call = wx.calls.find((c) => c.path === '/sns/jscode2session')!;
    expect(call.query).toMatchObject({
      appid: APPID,
      js_code: 'code-o-alice',
      grant_type: 'authorization_code',
    });
  });

  it('maps WeChat login errors: 40029 → 400, 45011 → 429, 40226 → 403, WeChat down → 503, empty code → 400', async () => {
    const cases: [string, number, string][] = [
      ['used', 400, 'WECHAT_CODE_INVALID'],
      ['fast', 429, 'RATE_LIMITED'],
      ['blocked', 403, 'FORBIDDEN'],
      ['down', 503, 'WECHAT_UNAVAILABLE'],
      ['', 400, 'VALIDATION_FAILED'],
    ];
    for (const [code, status, errorCode] of cases) {
      const { res, body } = await login(code);
      expect(res.status, code).toBe(status);
      expect(body.error.code, code).toBe(errorCode);
      expect(body.error.message, code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await login('fast')).res.headers.get('Retry-After')).toBeTruthy();
    expect(await t.rt.deps.db.$count(wechatSessions)).toBe(0);
  });

  it('checks mini-program tip text with msgSecCheck v2: risky and 87014 refused and not stored, clean text kept', async () => {
    const { body: s } = await login('code-o-bob');
    const headers = { 'x-wechat-session': s.session };
    const risky = await submit(t, tipBody(listingId, { description: '这是一段违规内容' }), headers);
    expect(risky.res.status).toBe(400);
    expect(risky.body.error).toMatchObject({ code: 'CONTENT_REJECTED', field: 'description' });
    const old = await submit(t, tipBody(listingId, { description: '涉黄的描述' }), headers);
    expect(old.res.status).toBe(400);
    expect(await t.rt.deps.db.$count(tips)).toBe(0);

    const clean = await submit(t, tipBody(listingId), headers);
    expect(clean.res.status).toBe(201);
    const check = wx.calls.filter((c) => c.path === '/wxa/msg_sec_check').at(-1)!;
    expect(check.body).toMatchObject({ version: 2, openid: 'o-bob', scene: 2 });
    const [link] = await t.rt.deps.db.select().from(tipWechatLinks);
    expect(link!.openidSealed).not.toContain('o-bob');
    expect(link!.subscribedAt).toBeNull();

    // a tip from the site (no session) is not sent to WeChat
    const before = wx.calls.length;
    expect(
      (await submit(t, tipBody(listingId, { description: '网站上的举报，内容违规也不送微信' }))).res.status,
    ).toBe(201);
    expect(wx.calls.length).toBe(before);
  });

  it('refreshes an expired access token once (40001) and then checks the text', async () => {
    const { body: s } = await login('code-o-carol');
    wx.failNext('/wxa/msg_sec_check', 40001);
    const checksBefore = wx.calls.filter((c) => c.path === '/wxa/msg_sec_check').length;
    const sent = await submit(t, tipBody(listingId), { 'x-wechat-session': s.session });
    expect(sent.res.status).toBe(201);
    // the check is sent again once, with the platform's new stable token
    const checks = wx.calls.filter((c) => c.path === '/wxa/msg_sec_check').slice(checksBefore);
    expect(checks).toHaveLength(2);
    expect(checks[1]?.query.access_token).not.toBe(checks[0]?.query.access_token);
    expect(
      wx.calls
        .filter((c) => c.path === '/cgi-bin/stable_token')
        .every((c) => c.body?.force_refresh === false),
    ).toBe(true);
  });

  it('accepts the tip unchecked when WeChat fails otherwise (the court reads every tip)', async () => {
    const { body: s } = await login('code-o-dan');
    wx.failNext('/wxa/msg_sec_check', 'http:502');
    expect((await submit(t, tipBody(listingId), { 'x-wechat-session': s.session })).res.status).toBe(201);
  });

  it('refuses an unknown or expired session with 401, a malformed one with 400, and stores nothing', async () => {
    const unknown = await submit(t, tipBody(listingId), { 'x-wechat-session': `ws_${'c'.repeat(43)}` });
    expect(unknown.res.status).toBe(401);
    expect(unknown.body.error?.code).toBe('WECHAT_SESSION_INVALID');
    const { body: s } = await login('code-o-erin');
    const realNow = t.rt.deps.now;
    t.rt.deps.now = () => new Date(realNow().getTime() + 8 * 86_400_000);
    const late = await submit(t, tipBody(listingId), { 'x-wechat-session': s.session });
    t.rt.deps.now = realNow;
    expect(late.res.status).toBe(401);
    const malformed = await submit(t, tipBody(listingId), { 'x-wechat-session': 'session-key-here' });
    expect(malformed.res.status).toBe(400);
    expect(await t.rt.deps.db.$count(tips)).toBe(0);
  });

  it('sends one subscription message per consent on a status change, to the tipster only', async () => {
    const { body: s } = await login('code-o-fay');
    const sent = await submit(t, tipBody(listingId), { 'x-wechat-session': s.session });
    const [tip] = await t.rt.deps.db.select().from(tips);
    // without consent a status change sends nothing
    expect((await setStatus(tip!.id, 'in_review')).status).toBe(200);
    await t.rt.wechatMessages!.drain();
    expect(sends()).toHaveLength(0);

    const res = await subscribe(s.session, sent.body.receipt.toLowerCase());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ subscribed: true });
    expect((await setStatus(tip!.id, 'verified')).status).toBe(200);
    await t.rt.wechatMessages!.drain();
    expect(sends()).toHaveLength(1);
    const message = sends()[0]!.body!;
    expect(message).toMatchObject({
      touser: 'o-fay',
      template_id: 'TMPL-tip-status',
      page: 'sub/my-tips/index',
      data: { phrase1: { value: '线索属实' }, thing3: { value: '请在“我的举报”凭回执码查看' } },
    });
    expect((message.data as { time2: { value: string } }).time2.value).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    // the consent is used up: the next change needs a new one
    expect((await setStatus(tip!.id, 'closed')).status).toBe(200);
    await t.rt.wechatMessages!.drain();
    expect(sends()).toHaveLength(1);
  });

  it('refuses a subscription for another user’s tip, a site tip, an unknown receipt or without a session', async () => {
    const { body: owner } = await login('code-o-gus');
    const { body: other } = await login('code-o-hal');
    const mine = await submit(t, tipBody(listingId), { 'x-wechat-session': owner.session });
    const site = await submit(t, tipBody(listingId));
    for (const [session, receipt] of [
      [other.session, mine.body.receipt],
      [owner.session, site.body.receipt],
      [owner.session, 'AAAA-BBBB-CCCC-DDDD'],
    ] as const) {
      const res = await subscribe(session, receipt);
      expect(res.status).toBe(404);
      expect(((await res.json()) as Envelope).error.code).toBe('RECEIPT_NOT_FOUND');
    }
    const bare = await t.request('/api/v1/wechat/tip-subscriptions', json({ receipt: mine.body.receipt }));
    expect(bare.status).toBe(400);
    expect(await t.rt.deps.db.$count(tipWechatLinks)).toBe(1);
  });

  it('retries a message WeChat could not take, gives up at once on 43101 (subscription withdrawn)', async () => {
    const { body: s } = await login('code-o-ivy');
    const a = await submit(t, tipBody(listingId), { 'x-wechat-session': s.session });
    const b = await submit(t, tipBody(listingId, { description: '第二条线索' }), {
      'x-wechat-session': s.session,
    });
    expect((await subscribe(s.session, a.body.receipt)).status).toBe(200);
    expect((await subscribe(s.session, b.body.receipt)).status).toBe(200);
    const rows = await t.rt.deps.db.select().from(tips);
    const tipA = rows.find((r) => r.description !== '第二条线索')!;
    const tipB = rows.find((r) => r.description === '第二条线索')!;

    wx.failNext('/cgi-bin/message/subscribe/send', 'http:502');
    await setStatus(tipA.id, 'in_review');
    await t.rt.wechatMessages!.drain();
    let [row] = await t.rt.deps.db.select().from(wechatMessages);
    expect(row!.deliveredAt).toBeNull();
    expect(row!.deadAt).toBeNull();
    expect(row!.lastError).toMatch(/HTTP 502/);
    // due again (the backoff is cut short here), then delivered
    await t.rt.deps.db.update(wechatMessages).set({ nextAttemptAt: sql`now()` });
    await t.rt.wechatMessages!.drain();
    [row] = await t.rt.deps.db.select().from(wechatMessages);
    expect(row!.deliveredAt).not.toBeNull();

    wx.failNext('/cgi-bin/message/subscribe/send', 43101);
    await setStatus(tipB.id, 'in_review');
    await t.rt.wechatMessages!.drain();
    const dead = (await t.rt.deps.db.select().from(wechatMessages)).find((m) => m.tipId === tipB.id)!;
    expect(dead.deadAt).not.toBeNull();
    expect(dead.attempts).toBe(1);
  });

  it('makes a 悬赏 poster code for a public notice (scene = notice id), 404 for none, 503 when WeChat fails', async () => {
    const id = await publishedRewardNotice(t, listingId);
    const res = await t.request(`/api/v1/rewards/${id}/wxacode.jpg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    const call = wx.calls.find((c) => c.path === '/wxa/getwxacodeunlimit')!;
    expect(call.body).toMatchObject({ scene: id, page: 'sub/rewards/index' });
    expect(id.length).toBeLessThanOrEqual(32);

    expect((await t.request('/api/v1/rewards/R-none/wxacode.jpg')).status).toBe(404);
    wx.failNext('/wxa/getwxacodeunlimit', 45009);
    const failed = await t.request(`/api/v1/rewards/${id}/wxacode.jpg`);
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as Envelope).error.code).toBe('WECHAT_UNAVAILABLE');
  });
});

describe.each(backends())('WeChat without a subscription template on $kind', (backend) => {
  let wx: FakeWechat;
  let t: TestRuntime;
  beforeAll(async () => {
    wx = await startFakeWechat();
  });
  afterAll(() => wx?.close());
  afterEach(() => t?.close());

  it('answers 503 to a subscription and says the template is missing', async () => {
    t = await openTestRuntime(backend, {
      WECHAT_APPID: APPID,
      WECHAT_SECRET: 'secret',
      WECHAT_API_BASE: wx.url,
    });
    const { session } = (await (
      await t.request('/api/v1/wechat/login', json({ code: 'code-o-jo' }))
    ).json()) as {
      session: string;
    };
    const res = await t.request(
      '/api/v1/wechat/tip-subscriptions',
      json({ receipt: 'AAAA-BBBB-CCCC-DDDD' }, { 'x-wechat-session': session }),
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as Envelope).error.message).toContain('消息模板');
  });
});
