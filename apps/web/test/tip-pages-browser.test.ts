/**
 * The tip form, the receipt look-up and the 悬赏 pages in Chromium at 390 px, against a stand-in
 * API (tip-stub-api.ts) that records what the form sends. The real path, from a listing page to a
 * stored tip and its status, runs against the real server in tests/e2e/tips-site.test.ts.
 * Screenshots go to test-results/web-tips/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { WEB_ROOT } from '../scripts/build-site.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, openPage, PHONE, type WatchedPage } from './support/browser.ts';
import { testSnapshot } from './support/fixture.ts';
import { serveSite } from './support/site-server.ts';
import type { StaticServer } from './support/static-server.ts';
import { makeJpeg } from './support/tip-photo.ts';
import { fakeNotice, type TipStub, tipStubApi } from './support/tip-stub-api.ts';

const OUT = join(WEB_ROOT, '../../test-results/web-tips');
const { dist } = inject('webSite');
const { listings } = testSnapshot();
const PERSON = listings.find((l) => l.kind === 'person' && l.id !== 'xss-person')!;
const CLAIMED = listings.find((l) => l.kind === 'org' && l.id !== 'xss-org')!;
let browser: Browser;
let server: StaticServer;
let stub: TipStub;
let jpeg: Buffer;
const open: WatchedPage[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  stub = tipStubApi(listings);
  [browser, server] = await Promise.all([launchBrowser(), serveSite(dist, stub.handler)]);
  jpeg = await makeJpeg(browser);
});
afterAll(async () => {
  await Promise.all(open.map((w) => w.close()));
  await browser?.close();
  await server?.close();
});
beforeEach(() => {
  stub.sent.length = 0;
  stub.nextSubmit = [];
  stub.lookupLimited = false;
  stub.notices = [fakeNotice(CLAIMED)];
});

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
    await page.getByRole('link', { name: '我要举报' }).click();
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
    expect(stub.sent).toEqual([]);
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

  it('sends a tip with a photo as multipart under one Idempotency-Key; a retry after a lost answer reuses it; the receipt shows grouped and never in the URL', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    await fillValidTip(page);
    await page.setInputFiles('#t-photos', [photo()]);
    await expect.poll(() => page.locator('.tip-photos canvas').count()).toBe(1);
    await expect
      .poll(() => page.locator('.tip-photos canvas').getAttribute('aria-label'))
      .toBe('照片预览：car.jpg，320×240');
    // a proxy times out after the tip may have been stored (Chromium resends by itself on a reset
    // connection, so a dropped socket would not reach the page)
    stub.nextSubmit = [504];
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-form-error').textContent()).toMatch(/不会重复提交/);
    expect(await page.inputValue('#t-description')).toMatch(/白色越野车/); // nothing typed is lost
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor();

    expect(stub.sent).toHaveLength(2);
    const [first, retry] = stub.sent;
    expect(first?.idempotencyKey).toMatch(/^tip-[0-9a-f]{32}$/);
    expect(new Set(stub.sent.map((s) => s.idempotencyKey))).toEqual(new Set([first?.idempotencyKey]));
    expect(retry?.contentType).toMatch(/^multipart\/form-data/);
    expect(retry?.photos).toBe(1);
    expect(retry?.fields).toMatchObject({ listingId: PERSON.id, kind: 'asset', assetType: 'vehicle' });
    expect(retry?.fields).not.toHaveProperty('contactName');

    const groups = await page.locator('.tip-receipt-group').allTextContents();
    expect(groups).toEqual(['7K3M', 'Q9TA', '2B4C', '1X8Z']);
    expect(await page.locator('#tip-receipt-code .visually-hidden').textContent()).toBe(
      '回执码：7 K 3 M，Q 9 T A，2 B 4 C，1 X 8 Z',
    );
    expect(await page.locator('.tip-receipt').textContent()).toContain('请现在抄下或截图保存这串回执码。');
    expect(page.url()).not.toMatch(/7K3M|Q9TA/);
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
    await fillValidTip(page);
    stub.nextSubmit = [429, 422];
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#tip-form-error').textContent())
      .toBe('提交次数过多，请约 20 分钟后再试。您填写的内容仍保留在本页。');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#tip-form-error').textContent())
      .toMatch(/您修改了已经发送过的内容/);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor();
    const keys = stub.sent.map((s) => s.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(stub.sent[2]?.contentType).toMatch(/^application\/json/);
    expect(w.cspViolations).toEqual([]);
  });

  it('a large phone photo is sent as a smaller JPEG at most 2560 px long; a small one as it is', async () => {
    const big = await makeJpeg(browser, { width: 4000, height: 3000, noise: true, quality: 0.9 });
    expect(big.length).toBeGreaterThan(1_500_000);
    expect(big.length).toBeLessThan(10 * 1024 * 1024);
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    await fillValidTip(page);
    await page.setInputFiles('#t-photos', [
      { name: 'street.jpeg', mimeType: 'image/jpeg', buffer: big },
      photo('plate.jpg'),
    ]);
    await expect.poll(() => page.locator('.tip-photos canvas').count()).toBe(2);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor({ timeout: 20_000 });
    const [street, plate] = stub.sent[0]?.photoFiles ?? [];
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

  it('from a 悬赏 notice: claiming needs name and phone, and the receipt shows the registration number', async () => {
    const notice = stub.notices[0]!;
    const w = await phone(`/report/?notice=${notice.id}`);
    const { page } = w;
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
    await expect.poll(() => page.locator('#tip-registration-no').textContent()).toBe('第 3 号');
    expect(stub.sent.at(-1)?.fields).toMatchObject({
      rewardNoticeId: notice.id,
      listingId: CLAIMED.id,
      contactName: '王五',
      contactPhone: '13800138000',
    });
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
    stub.receipts.set('ABCD2345EFGH6789', {
      status: 'in_review',
      statusLabel: '核查中',
      messages: [
        { at: '2026-11-29T06:00:00.000Z', text: '您反映的车辆线索已转交执行团队核查，感谢您的支持。' },
      ],
    });
    const w = await phone('/report/status/');
    const { page } = w;
    await page.fill('#t-receipt', 'abcd-2345 efgh-6789');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#tip-status-label').textContent()).toBe('核查中');
    expect(await page.locator('.tip-messages').textContent()).toContain('已转交执行团队核查');
    expect(page.url()).toBe(`${server.url}/report/status/`);
    await shot(page, 'tip-status-390');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#t-receipt', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#tip-lookup-unknown h2').textContent()).toBe('没有找到这个回执码');

    stub.lookupLimited = true;
    await page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(() => page.locator('#tip-lookup-wait').textContent())
      .toContain('请约 5 分钟后再查询，您的举报不受影响。');
    await page.fill('#t-receipt', '');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('#t-receipt-error').textContent()).toBe('请输入举报后得到的回执码。');
    expect(w.cspViolations).toEqual([]);
  });
});

describe('悬赏 pages', () => {
  it('list and notice state the terms and conditions, never the creditor’s name; the listing page links the notice', async () => {
    const notice = stub.notices[0]!;
    const list = await phone('/rewards/');
    await expect.poll(() => list.page.locator('.reward-list li').count()).toBe(1);
    expect(await list.page.locator('.reward-list').textContent()).toContain(notice.termsText);
    expect(await seriousViolations(list.page)).toEqual([]);
    await list.page.getByRole('link', { name: `悬赏公告：${CLAIMED.name}` }).click();
    await list.page.waitForURL(`**/rewards/notice/?id=${notice.id}`);
    const page = list.page;
    await expect.poll(() => page.locator('#reward-terms').textContent()).toBe(notice.termsText);
    expect(await page.locator('#reward-conditions').textContent()).toContain('查证属实');
    expect(await page.locator('main').textContent()).not.toContain(notice.applicantName ?? '—');
    await shot(page, 'reward-notice-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '我要提供线索' }).click();
    await page.waitForURL(`**/report/?notice=${notice.id}`);

    const listing = await phone(`/listings/${CLAIMED.id}/`);
    await expect
      .poll(() => listing.page.locator('#listing-reward').isVisible(), { timeout: 8000 })
      .toBe(true);
    expect(await listing.page.locator('#listing-reward a').getAttribute('href')).toBe(
      `/rewards/notice/?id=${notice.id}`,
    );
    const plain = await phone(`/listings/${PERSON.id}/`);
    await plain.page.waitForTimeout(1500);
    expect(await plain.page.locator('#listing-reward').isVisible()).toBe(false);
    expect(listing.cspViolations).toEqual([]);

    stub.notices = [];
    const ended = await phone(`/rewards/notice/?id=${notice.id}`);
    await expect.poll(() => ended.page.locator('#reward-gone h1').textContent()).toBe('这则悬赏公告已经结束');
  });
});
