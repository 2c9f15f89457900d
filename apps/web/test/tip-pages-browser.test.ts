/**
 * The tip form, the receipt look-up and the 悬赏 pages in Chromium at 390 px, against the real API
 * (`createApp()` on PGlite via real-api.ts, holding the test site's listings): a tip the form
 * sends is stored, a receipt it shows is one the server issued, a 悬赏 notice is one staff
 * published. What the form sent is read off the browser's own requests (sent-tips.ts). A
 * proxy's lost answer (504) is the one thing simulated, in the browser, after the server stored
 * the tip. Screenshots go to test-results/web-tips/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tips } from '@portal/db/schema';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WEB_ROOT } from '../scripts/build-site.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, openPage, PHONE, type WatchedPage } from './support/browser.ts';
import { testSnapshot } from './support/fixture.ts';
import { type RealApi, startRealApi } from './support/real-api.ts';
import { serveSite } from './support/site-server.ts';
import type { StaticServer } from './support/static-server.ts';
import { makeJpeg } from './support/tip-photo.ts';

const OUT = join(WEB_ROOT, '../../test-results/web-tips');
const { dist } = inject('webSite');
const { listings } = testSnapshot();
const PERSON = listings.find((l) => l.kind === 'person' && l.id !== 'xss-person')!;
const CLAIMED = listings.find((l) => l.kind === 'org' && l.id !== 'xss-org')!;
const CREDITOR = '李某某（申请执行人）';
const TERMS = '按实际执行到位金额的 10% 支付悬赏金';
let browser: Browser;
let server: StaticServer;
let api: RealApi;
let jpeg: Buffer;
let noticeId: string;
const open: WatchedPage[] = [];

/** A call to the real API as staff (the test runtime's court admin) or as the public. */
async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const res = await api.runtime.request(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    ...(init.token ? { token: init.token } : {}),
    ...(init.body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const storedTips = () => api.runtime.rt.deps.db.$count(tips);
/** The tips the API receives from now on, as sent. */
function sentFrom() {
  const start = api.sentTips.length;
  return { settled: async () => api.sentTips.slice(start) };
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [browser, api] = await Promise.all([launchBrowser(), startRealApi()]);
  server = await serveSite(dist, api.api);
  jpeg = await makeJpeg(browser);
  // a 悬赏 notice as staff record and publish it (arts. 21–22); a natural person applied
  const created = await call('/api/v1/admin/rewards', {
    token: 'admin',
    body: {
      listingId: CLAIMED.id,
      ratePercent: 10,
      conditions: ['提供被执行人可供执行的财产线索，经查证属实并执行到位的。'],
      startsAt: '2026-01-01',
      endsAt: '2099-12-31',
      applicantName: CREDITOR,
      applicantKind: 'person',
    },
  });
  if (created.status !== 201) throw new Error(`notice not created: ${JSON.stringify(created.body)}`);
  noticeId = created.body.id as string;
  const published = await call(`/api/v1/admin/rewards/${noticeId}/publish`, { token: 'admin', body: {} });
  if (published.status !== 200) throw new Error(`notice not published: ${JSON.stringify(published.body)}`);
});
afterAll(async () => {
  await Promise.all(open.map((w) => w.close()));
  await browser?.close();
  await server?.close();
  await api?.close();
});

/**
 * Spends this client's hourly budget of `bucket` (tips or look-ups) with one request from the
 * same address, so the next one the page sends meets the server's real 429 and Retry-After.
 */
async function spendBudget(bucket: 'tip' | 'lookup'): Promise<() => void> {
  const services = api.runtime.rt.deps.tips;
  const field = bucket === 'tip' ? 'tipsPerHour' : 'lookupsPerHour';
  services[field] = 1;
  const path = bucket === 'tip' ? '/api/v1/tips' : '/api/v1/tips/lookup';
  // a tip the server refuses gives its token back, so the budget is spent by one it stores
  const body =
    bucket === 'tip'
      ? { listingId: PERSON.id, kind: 'other', description: '（测试）用掉本小时的举报次数。' }
      : {};
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(bucket === 'tip' ? 201 : 400);
  return () => {
    services[field] = 0;
  };
}

async function phone(path: string): Promise<WatchedPage> {
  const w = await openPage(browser, server.url, PHONE);
  open.push(w);
  await w.page.goto(server.url + path, { waitUntil: 'networkidle' });
  return w;
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
const photo = (name = 'car.jpg') => ({ name, mimeType: 'image/jpeg', buffer: jpeg });

async function fillValidTip(page: Page) {
  await page.check('#t-kind-asset');
  await page.check('#t-asset-vehicle');
  await page.fill('#t-description', '他每天开一辆白色越野车到那大镇人民大道的店里，车牌 琼C·12345。');
  await page.fill('#t-place', '儋州市那大镇人民大道');
}

describe('tip form', () => {
  it('opens from a listing page’s 我要举报 with the listing shown; a blank submit lists each problem in zh-CN by its field', async () => {
    const w = await phone(`/listings/${PERSON.id}/`);
    const { page } = w;
    const form = sentFrom();
    const before = await storedTips();
    await page.getByRole('main').getByRole('link', { name: '我要举报' }).click();
    await page.waitForURL(`**/report/?listing=${PERSON.id}`);
    await expect.poll(() => page.locator('.tip-target-name').textContent()).toContain(PERSON.name);
    await page.getByRole('button', { name: '提交举报' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('请选择您要举报的内容');
    expect(await summary.textContent()).toContain('请描述您看到的情况。');
    expect(await page.locator('#t-description').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#t-description-error').textContent()).toBe('请描述您看到的情况。');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    // a consumption lead then needs its ban item
    await page.check('#t-kind-consumption');
    await page.fill('#t-description', '看到他乘坐飞机。');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => summary.textContent()).toContain('请选择对方违反的是哪一项限制消费。');
    expect(await form.settled()).toEqual([]);
    expect(await storedTips()).toBe(before);
    await shot(page, 'tip-form-errors-390');
    // large-type mode (适老化): the whole form, its errors included, fits 390 px without sideways scrolling
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.check('#t-identity-named');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'tip-form-390-large-type');
    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('sends a tip with a photo as multipart under one Idempotency-Key; a retry after a lost answer reuses it and gets the stored receipt; the receipt shows grouped and never in the URL', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    const form = sentFrom();
    const before = await storedTips();
    await fillValidTip(page);
    await page.setInputFiles('#t-photos', [photo()]);
    await expect.poll(() => page.locator('.tip-photos canvas').count()).toBe(1);
    await expect
      .poll(() => page.locator('.tip-photos canvas').getAttribute('aria-label'))
      .toBe('照片预览：car.jpg，320×240');
    // a proxy times out after the server stored the tip: the answer is lost on its way back
    // (Chromium resends by itself on a reset connection, so a dropped socket would not reach the page)
    let lost: { receipt: string } | undefined;
    await page.route(
      '**/api/v1/tips',
      async (route) => {
        const answer = await route.fetch();
        lost = (await answer.json()) as { receipt: string };
        await route.fulfill({ status: 504, contentType: 'text/html', body: '<h1>504 Gateway Time-out</h1>' });
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-form-error').textContent()).toMatch(/不会重复提交/);
    expect(await page.inputValue('#t-description')).toMatch(/白色越野车/); // nothing typed is lost
    expect(await storedTips()).toBe(before + 1);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor({ timeout: 20_000 });

    const sent = await form.settled();
    expect(sent).toHaveLength(2);
    const [first, retry] = sent;
    expect(first?.idempotencyKey).toMatch(/^tip-[0-9a-f]{32}$/);
    expect(new Set(sent.map((t) => t.idempotencyKey))).toEqual(new Set([first?.idempotencyKey]));
    expect(retry?.contentType).toMatch(/^multipart\/form-data/);
    expect(retry?.photos).toBe(1);
    expect(retry?.fields).toMatchObject({ listingId: PERSON.id, kind: 'asset', assetType: 'vehicle' });
    expect(retry?.fields).not.toHaveProperty('contactName');
    // the server stored it once, with its photo, and answered the retry with the same receipt
    expect(await storedTips()).toBe(before + 1);
    const [stored] = await api.runtime.rt.deps.db
      .select({ photoCount: tips.photoCount, listingId: tips.listingId })
      .from(tips)
      .orderBy(tips.createdAt)
      .limit(1)
      .offset(before);
    expect(stored).toEqual({ photoCount: 1, listingId: PERSON.id });

    const groups = await page.locator('.tip-receipt-group').allTextContents();
    expect(groups).toHaveLength(4);
    for (const g of groups) expect(g).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(groups.join('')).toBe(lost?.receipt.replace(/[^0-9A-Z]/g, ''));
    expect(await page.locator('#tip-receipt-code .visually-hidden').textContent()).toBe(
      `回执码：${groups.map((g) => g.split('').join(' ')).join('，')}`,
    );
    expect(await page.locator('.tip-receipt').textContent()).toContain('请现在抄下或截图保存这串回执码。');
    expect(page.url()).not.toContain(groups[0]);
    await page.getByRole('button', { name: '复制回执码' }).click();
    await expect
      .poll(() => page.locator('.tip-receipt [aria-live]').textContent())
      .toMatch(/已(复制|选中)回执码/);
    await shot(page, 'tip-receipt-390');
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);

    // large-type mode (适老化): the receipt and the form stay within 390 px
    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'tip-receipt-390-large-type');
  });

  it('a tip without photos goes as JSON; 429 says how long to wait; 422 starts a new key for changed content', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    // this client already spent its hourly budget: the server answers 429 with Retry-After
    const restore = await spendBudget('tip');
    const form = sentFrom();
    await fillValidTip(page);
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#tip-form-error').textContent())
      .toBe('提交次数过多，请约 60 分钟后再试。您填写的内容仍保留在本页。');
    restore();
    // stored, but the answer is lost; then the tipster changes the text and sends again
    await page.route(
      '**/api/v1/tips',
      async (route) => {
        await route.fetch();
        await route.fulfill({ status: 504, contentType: 'text/html', body: '<h1>504 Gateway Time-out</h1>' });
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-form-error').textContent()).toMatch(/不会重复提交/);
    await page.fill(
      '#t-description',
      '他每天开一辆白色越野车到那大镇人民大道的店里，车牌 琼C·12345，晚上停在小区。',
    );
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#tip-form-error').textContent())
      .toMatch(/您修改了已经发送过的内容/);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor();
    const sent = await form.settled();
    const keys = sent.map((t) => t.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys.slice(0, 3)).size).toBe(1); // 429, lost answer, changed content: one key
    expect(keys[3]).not.toBe(keys[2]);
    expect(sent[3]?.contentType).toMatch(/^application\/json/);
    const [latest] = await api.runtime.rt.deps.db
      .select({ description: tips.description })
      .from(tips)
      .where(eq(tips.listingId, PERSON.id))
      .orderBy(tips.createdAt)
      .limit(1)
      .offset((await api.runtime.rt.deps.db.$count(tips, eq(tips.listingId, PERSON.id))) - 1);
    expect(latest?.description).toMatch(/晚上停在小区/);
    expect(w.cspViolations).toEqual([]);
  });

  it('a large phone photo is sent as a smaller JPEG at most 2560 px long; a small one as it is', async () => {
    const big = await makeJpeg(browser, { width: 4000, height: 3000, noise: true, quality: 0.9 });
    expect(big.length).toBeGreaterThan(1_500_000);
    expect(big.length).toBeLessThan(10 * 1024 * 1024);
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    const form = sentFrom();
    await fillValidTip(page);
    await page.setInputFiles('#t-photos', [
      { name: 'street.jpeg', mimeType: 'image/jpeg', buffer: big },
      photo('plate.jpg'),
    ]);
    await expect.poll(() => page.locator('.tip-photos canvas').count()).toBe(2);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page
      .locator('#tip-receipt-code, #tip-form-error:not(:empty), .field-error:not(:empty)')
      .first()
      .waitFor({ timeout: 30_000 });
    const problems = await page.locator('#tip-form-error, .field-error').allTextContents();
    expect(await page.locator('#tip-receipt-code').count(), problems.join(' ')).toBe(1);
    const [street, plate] = (await form.settled())[0]?.photoFiles ?? [];
    expect(street?.type).toBe('image/jpeg');
    expect(street?.size).toEqual({ width: 2560, height: 1920 });
    expect(street?.bytes).toBeLessThan(big.length);
    expect(plate).toEqual({ bytes: jpeg.length, type: 'image/jpeg', size: { width: 320, height: 240 } });
  });

  it('refuses a photo of the wrong type by name, stops at six, and removes one on request', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    await page.setInputFiles('#t-photos', [
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    ]);
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toContain('“scan.pdf”不是 JPG、PNG 或 WebP 格式的照片，请换一张。');
    await page.setInputFiles(
      '#t-photos',
      Array.from({ length: 7 }, (_, i) => photo(`p${i + 1}.jpg`)),
    );
    await expect.poll(() => page.locator('.tip-photos li').count()).toBe(6);
    expect(await page.locator('.field-error').allTextContents()).toContain(
      '最多上传 6 张照片，“p7.jpg”没有添加。',
    );
    expect(await page.locator('#t-photos').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '删除 p3.jpg' }).click();
    expect(await page.locator('.tip-photos li').count()).toBe(5);
    expect(await page.locator('#t-photos').isDisabled()).toBe(false);
    await shot(page, 'tip-form-photos-390');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('from a 悬赏 notice: claiming needs name and phone, and the receipt shows the registration number the server drew', async () => {
    const w = await phone(`/report/?notice=${noticeId}`);
    const { page } = w;
    const form = sentFrom();
    await expect.poll(() => page.locator('.tip-target-name').textContent()).toContain(CLAIMED.name);
    expect(await page.isChecked('#t-claim')).toBe(true);
    expect(await page.isDisabled('#t-identity-anonymous')).toBe(true);
    await fillValidTip(page);
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#t-name-error').textContent())
      .toBe('申领悬赏须留下姓名，以便登记和发放悬赏金。');
    await page.fill('#t-name', '王五');
    await page.fill('#t-phone', '13800138000');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-registration-no').textContent()).toBe('第 1 号');
    expect((await form.settled()).at(-1)?.fields).toMatchObject({
      rewardNoticeId: noticeId,
      listingId: CLAIMED.id,
      contactName: '王五',
      contactPhone: '13800138000',
    });
    const [claim] = await api.runtime.rt.deps.db
      .select({
        registrationNo: tips.registrationNo,
        hasContact: tips.hasContact,
        sealed: tips.contactSealed,
      })
      .from(tips)
      .where(eq(tips.rewardNoticeId, noticeId));
    expect(claim).toMatchObject({ registrationNo: 1, hasContact: true });
    expect(claim?.sealed).not.toContain('13800138000');
  });

  it('without a listing it asks to find the defaulter first; a removed listing turns the form away', async () => {
    const start = await phone('/report/');
    expect(await start.page.locator('#tip-target h2').textContent()).toBe('先找到被执行人');
    expect(await start.page.locator('form[action="/search"]').count()).toBe(1);
    expect(await seriousViolations(start.page)).toEqual([]);
    const gone = await phone('/report/?listing=no-such-listing');
    await expect.poll(() => gone.page.locator('h2').first().textContent()).toBe('这条失信信息已不再公布');
    expect(await gone.page.locator('form.tip-form').count()).toBe(0);
  });
});

describe('receipt look-up', () => {
  it('shows the status and the unit’s messages; an unknown code and a throttled client get calm messages', async () => {
    const submitted = await call('/api/v1/tips', {
      body: { listingId: PERSON.id, kind: 'whereabouts', description: '他最近住在儋州市那大镇的亲戚家。' },
    });
    expect(submitted.status).toBe(201);
    const receipt = submitted.body.receipt as string;
    const inbox = await call(`/api/v1/admin/tips?status=received`, { token: 'admin' });
    const tip = (inbox.body.items as { id: string; description: string }[]).find((i) =>
      i.description.includes('亲戚家'),
    )!;
    const status = await call(`/api/v1/admin/tips/${tip.id}/status`, {
      token: 'admin',
      body: { status: 'in_review', messageToTipster: '您反映的下落线索已转交执行团队核查，感谢您的支持。' },
    });
    expect(status.status).toBe(200);

    const w = await phone('/report/status/');
    const { page } = w;
    // written down by hand: lower case, spaces instead of hyphens
    await page.fill('#t-receipt', receipt.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#tip-status-label').textContent()).toBe('核查中');
    expect(await page.locator('.tip-messages').textContent()).toContain('已转交执行团队核查');
    expect(page.url()).toBe(`${server.url}/report/status/`);
    await shot(page, 'tip-status-390');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#t-receipt', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#tip-lookup-unknown h2').textContent()).toBe('没有找到这个回执码');

    const restore = await spendBudget('lookup');
    try {
      await page.getByRole('button', { name: '查询' }).click();
      await expect
        .poll(() => page.locator('#tip-lookup-wait').textContent())
        .toContain('请约 60 分钟后再查询，您的举报不受影响。');
    } finally {
      restore();
    }
    await page.fill('#t-receipt', '');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('#t-receipt-error').textContent()).toBe('请输入举报后得到的回执码。');
    // a code one group short is refused on the page: it never spends one of the hour's look-ups
    const lookups: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/v1/tips/lookup')) lookups.push(req.url());
    });
    await page.fill('#t-receipt', receipt.slice(0, 14));
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('#t-receipt-error').textContent()).toContain('回执码是 16 个字母和数字');
    expect(lookups).toEqual([]);
    expect(w.cspViolations).toEqual([]);
  });
});

describe('悬赏 pages', () => {
  it('list and notice state the terms and conditions, never the creditor’s name; the listing page links the notice', async () => {
    const list = await phone('/rewards/');
    await expect.poll(() => list.page.locator('.reward-list li').count()).toBe(1);
    expect(await list.page.locator('.reward-list').textContent()).toContain(TERMS);
    expect(await seriousViolations(list.page)).toEqual([]);
    await list.page.getByRole('link', { name: `悬赏公告：${CLAIMED.name}` }).click();
    await list.page.waitForURL(`**/rewards/notice/?id=${noticeId}`);
    const page = list.page;
    await expect.poll(() => page.locator('#reward-terms').textContent()).toBe(TERMS);
    expect(await page.locator('#reward-conditions').textContent()).toContain('查证属实');
    expect(await page.locator('main').textContent()).not.toContain('李某某');
    await shot(page, 'reward-notice-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '我要提供线索' }).click();
    await page.waitForURL(`**/report/?notice=${noticeId}`);

    const listing = await phone(`/listings/${CLAIMED.id}/`);
    await expect
      .poll(() => listing.page.locator('#listing-reward').isVisible(), { timeout: 8000 })
      .toBe(true);
    expect(await listing.page.locator('#listing-reward a').getAttribute('href')).toBe(
      `/rewards/notice/?id=${noticeId}`,
    );
    const plain = await phone(`/listings/${PERSON.id}/`);
    await plain.page.waitForTimeout(1500);
    expect(await plain.page.locator('#listing-reward').isVisible()).toBe(false);
    expect(listing.cspViolations).toEqual([]);

    // the listing is removed (listing revoked): its notice ends with it
    const removed = await call(`/api/v1/admin/listings/${CLAIMED.id}/remove`, {
      token: 'admin',
      body: { reason: 'revoked' },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    await expect
      .poll(async () => (await call(`/api/v1/rewards/${noticeId}`)).status, { timeout: 5000 })
      .toBe(404);
    const ended = await phone(`/rewards/notice/?id=${noticeId}`);
    await expect.poll(() => ended.page.locator('#reward-gone h1').textContent()).toBe('这则悬赏公告已经结束');
  });
});
