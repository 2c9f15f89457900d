import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog, tipAttachments, tips, wechatMediaChecks } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { json, publishedListing } from '../tips/tips-testing.ts';
import { type FakeWechat, startFakeWechat } from './fake-wechat-server.ts';
import { pushSignature } from './wechat-push-signature.ts';

type Envelope = { error: { code: string; message: string } };
const APPID = 'wx0123456789abcdef';
const PUSH_TOKEN = 'pushToken2026';
const SITE = 'https://portal.example.cn';

/** A photo as a phone sends it, with an owner name in its EXIF that must never reach WeChat. */
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: '#cc6633' } })
    .jpeg()
    .withExifMerge({ IFD0: { Artist: 'OwnerLiSi' } })
    .toBuffer();
}

function signed(): string {
  const timestamp = '1796000000';
  const nonce = '42';
  return new URLSearchParams({
    signature: pushSignature(PUSH_TOKEN, timestamp, nonce),
    timestamp,
    nonce,
  }).toString();
}

/** The `wxa_media_check` push as WeChat documents it (JSON mode); ids are synthetic. */
const verdictPush = (traceId: string, suggest: 'pass' | 'review' | 'risky') => ({
  ToUserName: 'gh_0123456789ab',
  FromUserName: 'o-demo-openid',
  CreateTime: 1796000000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: APPID,
  trace_id: traceId,
  version: 2,
  detail: [
    { strategy: 'content_model', errcode: 0, suggest, label: suggest === 'pass' ? 100 : 20002, prob: 90 },
  ],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
});

describe.each(backends())('photo checks by WeChat mediaCheckAsync on $kind', (backend) => {
  let wx: FakeWechat;
  let t: TestRuntime;
  let listingId: string;
  const env = (over: Record<string, string> = {}) => ({
    WECHAT_APPID: APPID,
    WECHAT_SECRET: 'secret',
    WECHAT_API_BASE: wx.url,
    WECHAT_PUSH_TOKEN: PUSH_TOKEN,
    SITE_URL: SITE,
    ...over,
  });
  beforeAll(async () => {
    wx = await startFakeWechat();
  });
  afterAll(() => wx?.close());
  beforeEach(() => {
    wx.calls.length = 0;
  });
  afterEach(() => t?.close());

  const login = async (rt: TestRuntime, code: string) =>
    ((await (await rt.request('/api/v1/wechat/login', json({ code }))).json()) as { session: string })
      .session;

  async function photoTip(rt: TestRuntime, session: string | null): Promise<string> {
    const fd = new FormData();
    fd.append('listingId', listingId);
    fd.append('kind', 'asset');
    fd.append('assetType', 'vehicle');
    fd.append('description', '他开一辆白色轿车，车牌见照片。');
    fd.append(
      'photos',
      new Blob([new Uint8Array(await phonePhoto())], { type: 'image/jpeg' }),
      'IMG_0002.jpg',
    );
    const res = await rt.request('/api/v1/tips', {
      method: 'POST',
      body: fd,
      headers: session ? { 'x-wechat-session': session } : {},
    });
    expect(res.status).toBe(201);
    const [tip] = await rt.rt.deps.db.select({ id: tips.id }).from(tips).orderBy(sql`${tips.createdAt} desc`);
    return tip!.id;
  }
  const submissions = () => wx.calls.filter((c) => c.path === '/wxa/media_check_async');
  const tokenOf = (call: { body: Record<string, unknown> | null }) => {
    const url = String(call.body?.media_url);
    expect(url.startsWith(`${SITE}/api/v1/wechat/media/`)).toBe(true);
    return url.slice(SITE.length);
  };
  const push = (body: unknown) => t.request(`/api/v1/wechat/events?${signed()}`, json(body));
  const staffPhoto = async (tipId: string) => {
    const detail = (await (await t.request(`/api/v1/admin/tips/${tipId}`, { token: 'unitA' })).json()) as {
      attachments: { url: string; quarantined: boolean }[];
    };
    const a = detail.attachments[0]!;
    return { quarantined: a.quarantined, res: await t.request(a.url, { token: 'unitA' }) };
  };

  it('submits each photo of a mini-program tip after the 201, and serves it to WeChat until the token expires', async () => {
    t = await openTestRuntime(backend, env());
    listingId = await publishedListing(t);
    expect(
      ((await (await t.request('/api/v1/wechat/status')).json()) as { photoCheck: unknown }).photoCheck,
    ).toEqual({
      enabled: true,
    });
    const session = await login(t, 'code-o-carol');
    await photoTip(t, session);
    await t.rt.wechatMediaChecks!.drain();
    const [call] = submissions();
    expect(submissions()).toHaveLength(1);
    expect(call!.body).toMatchObject({ media_type: 2, version: 2, scene: 2, openid: 'o-carol' });
    const path = tokenOf(call!);
    // the token is 256 random bits and only its hash is stored
    expect(path).toMatch(/^\/api\/v1\/wechat\/media\/[A-Za-z0-9_-]{43}$/);
    const rows = JSON.stringify(await t.rt.deps.db.select().from(wechatMediaChecks));
    expect(rows).not.toContain(path.split('/').at(-1));

    const image = await t.request(path);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await image.arrayBuffer());
    expect(served.includes(Buffer.from('OwnerLiSi'))).toBe(false);
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    // a guessed or altered token unlocks nothing
    expect((await t.request(`${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);

    // 30 minutes later (moved back in the database rather than waited for)
    await t.rt.deps.db.update(wechatMediaChecks).set({ tokenExpiresAt: sql`now() - interval '1 second'` });
    const expired = await t.request(path);
    expect(expired.status).toBe(404);
    expect(((await expired.json()) as Envelope).error.message).toBe('链接无效或已过期。');
  });

  it('sends nothing for a tip from the site (no session)', async () => {
    t = await openTestRuntime(backend, env());
    listingId = await publishedListing(t);
    await photoTip(t, null);
    await t.rt.wechatMediaChecks!.drain();
    expect(submissions()).toHaveLength(0);
    expect(await t.rt.deps.db.$count(wechatMediaChecks)).toBe(0);
  });

  it('sends nothing without an https SITE_URL, and the status route says why', async () => {
    t = await openTestRuntime(backend, env({ SITE_URL: 'http://portal.example.cn' }));
    listingId = await publishedListing(t);
    const status = (await (await t.request('/api/v1/wechat/status')).json()) as {
      enabled: boolean;
      photoCheck: { enabled: boolean; reason: string };
    };
    expect(status.enabled).toBe(true);
    expect(status.photoCheck).toEqual({ enabled: false, reason: expect.stringContaining('https') });
    await photoTip(t, await login(t, 'code-o-dave'));
    expect(t.rt.wechatMediaChecks).toBeNull();
    expect(await t.rt.deps.db.$count(wechatMediaChecks)).toBe(0);
    expect(submissions()).toHaveLength(0);
  });

  it('a risky verdict quarantines the photo (410 for staff, marked in the detail, audited); pass leaves another', async () => {
    t = await openTestRuntime(backend, env());
    listingId = await publishedListing(t);
    const session = await login(t, 'code-o-erin');
    const riskyTip = await photoTip(t, session);
    const cleanTip = await photoTip(t, session);
    await t.rt.wechatMediaChecks!.drain();
    const checks = await t.rt.deps.db.select().from(wechatMediaChecks);
    const traceOf = (tipId: string) => checks.find((c) => c.tipId === tipId)!.traceId!;

    const answer = await push(verdictPush(traceOf(riskyTip), 'risky'));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('success');
    expect(await push(verdictPush(traceOf(cleanTip), 'pass')).then((r) => r.text())).toBe('success');

    const risky = await staffPhoto(riskyTip);
    expect(risky.quarantined).toBe(true);
    expect(risky.res.status).toBe(410);
    expect(((await risky.res.json()) as Envelope).error).toMatchObject({
      code: 'PHOTO_QUARANTINED',
      message: '该照片未通过内容安全检测，已隔离。',
    });
    const clean = await staffPhoto(cleanTip);
    expect(clean.quarantined).toBe(false);
    expect(clean.res.status).toBe(200);

    const audit = await t.rt.deps.db.select().from(auditLog).where(eq(auditLog.entityId, riskyTip));
    expect(audit.map((a) => a.action)).toContain('tip.photo.quarantine');
    expect(JSON.stringify(audit)).not.toContain('o-erin');
    // the mark is on the stored photo itself, whichever route reads it
    const [row] = await t.rt.deps.db.select().from(tipAttachments).where(eq(tipAttachments.tipId, riskyTip));
    expect(row!.quarantinedAt).not.toBeNull();
  });

  it('a review verdict leaves the photo; an unknown trace id is acknowledged and changes nothing', async () => {
    t = await openTestRuntime(backend, env());
    listingId = await publishedListing(t);
    const tipId = await photoTip(t, await login(t, 'code-o-frank'));
    await t.rt.wechatMediaChecks!.drain();
    const [check] = await t.rt.deps.db.select().from(wechatMediaChecks);
    expect(await push(verdictPush(check!.traceId!, 'review')).then((r) => r.status)).toBe(200);
    const unknown = await push(verdictPush('not-a-trace-of-ours', 'risky'));
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toBe('success');
    const photo = await staffPhoto(tipId);
    expect(photo.quarantined).toBe(false);
    expect(photo.res.status).toBe(200);
    expect(await t.rt.deps.db.$count(auditLog, eq(auditLog.action, 'tip.photo.quarantine'))).toBe(0);
  });

  it('a forged verdict (bad signature) is refused with 401 and quarantines nothing', async () => {
    t = await openTestRuntime(backend, env());
    listingId = await publishedListing(t);
    const tipId = await photoTip(t, await login(t, 'code-o-gina'));
    await t.rt.wechatMediaChecks!.drain();
    const [check] = await t.rt.deps.db.select().from(wechatMediaChecks);
    const forged = await t.request(
      `/api/v1/wechat/events?signature=${'0'.repeat(40)}&timestamp=1796000000&nonce=42`,
      json(verdictPush(check!.traceId!, 'risky')),
    );
    expect(forged.status).toBe(401);
    expect((await staffPhoto(tipId)).quarantined).toBe(false);
  });

  it('a process that dies after the 201 and before submitting: the restarted one submits the photo', async () => {
    const database = await backend.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-media-'));
    const dying = await openTestRuntime(backend, env({ DATA_DIR: dataDir }), {
      database,
      workers: false,
      keepDatabaseOpen: true,
    });
    listingId = await publishedListing(dying);
    t = dying;
    await photoTip(dying, await login(dying, 'code-o-hank'));
    await dying.close();
    expect(submissions()).toHaveLength(0);
    t = await openTestRuntime(backend, env({ DATA_DIR: dataDir }), { database, seedStaff: false });
    await t.rt.wechatMediaChecks!.drain();
    expect(submissions()).toHaveLength(1);
    expect(submissions()[0]!.body).toMatchObject({ openid: 'o-hank' });
    expect((await t.request(tokenOf(submissions()[0]!))).status).toBe(200);
  });
});
