/**
 * The mini-program's H5 build (served at /m/) on the real server (`npm start`) in Debian's
 * Chromium at a 390×844 phone screen: search 王 → detail → share card; a removed listing
 * disappears from search and detail within 2 s; notices and privacy pages. Screenshots of each
 * page go to test-results/miniprogram/. A tip with two photos (each uploaded on its own) and a map
 * point from the browser's position (granted at fixed coordinates) → receipt → look-up by
 * receipt; the staff tip detail shows both photos and the point.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { personDraft, staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/miniprogram/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const TOKEN = 'miniprogram-e2e-staff-token-0123456789';
/** where the tipster stands (WGS-84, as a phone's browser reports it): 海口 */
const HERE = { latitude: 20.0442, longitude: 110.1999 };

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let kept: string;
let removed: string;

/** Taro scrolls inside its page element: grow the window to the content for a whole-page shot. */
async function shot(name: string) {
  const height = await page.evaluate(() => {
    type Doc = { querySelectorAll(s: string): ArrayLike<{ scrollHeight: number }> };
    const doc = (globalThis as unknown as { document: Doc }).document;
    return Math.max(0, ...Array.from(doc.querySelectorAll('.taro_page'), (e) => e.scrollHeight));
  });
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, Math.min(height, 6000)) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(PHONE);
}
const at = (hash: string) => new URL(`/m/#${hash}`, server.url).href;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ DEMO_RECORDS: '0', SITE_BUILD: '0', STAFF_BOOTSTRAP_TOKEN: TOKEN }),
    launchChromium(),
  ]);
  const staff = staffApi(server.url, TOKEN);
  kept = await staff.createPublished(personDraft(7101, { name: '王小明' }));
  removed = await staff.createPublished(personDraft(7102, { name: '王大力', livelihood: false }));
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    // the tipster allows the browser to read the position once (the page asks first)
    geolocation: HERE,
    permissions: ['geolocation'],
  });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('response', (res) => {
    if (res.status() >= 400) pageErrors.push(`${res.status()} ${res.url()}`);
  });
  page.on('console', (msg) => {
    // a CSP refusal shows only as a console error
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Text on the page in view: Taro's H5 router keeps earlier pages in the document, hidden. */
const shown = (text: string) => page.locator(`text="${text}" >> visible=true`);

async function search(text: string) {
  const input = page.locator('taro-input-core input');
  await input.fill('');
  await input.fill(text);
}

describe('mini-program H5 at /m/ on a 390×844 phone', () => {
  it('finds 王 as you type, opens the detail with the public fields and the share card', async () => {
    await page.goto(new URL('/m/', server.url).href);
    await expect.poll(() => page.locator('taro-input-core input').count(), { timeout: 30_000 }).toBe(1);
    await shot('search-empty');
    await search('王');
    await expect.poll(() => page.getByText('王小明').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText(/找到 2 条记录/).count()).toBe(1);
    await shot('search-results');

    await page.getByText('王小明').click();
    await expect.poll(() => page.getByText('执行依据文号').count(), { timeout: 10_000 }).toBe(1);
    const body = await page.locator('body').innerText();
    // masked at digits 11–14 (birth month and day), never the full number
    expect(body).toContain('4604001985****');
    expect(body).not.toMatch(/46040019850101\d{3}[\dX]/);
    expect(body).toContain('限制消费措施');
    expect(body).toContain('子女就读高收费私立学校');
    expect(body).toContain('¥12,345.00');
    expect(body).not.toContain('演示数据'); // a real (non-demo) listing carries no demo mark
    await shot('detail');

    const cardUrl = new URL(`/api/v1/screens/cards/${kept}.png`, server.url).href;
    expect(body).toContain(cardUrl);
    const card = await fetch(cardUrl);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
  });

  it('drops a removed listing from search and from its detail page within 2 s', async () => {
    await page.goto(at(`/pages/detail/index?id=${removed}`));
    await expect.poll(() => page.getByText('王大力').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await staffApi(server.url, TOKEN).remove(removed);
    const started = Date.now();
    await page.reload();
    await expect.poll(() => page.getByText('该信息不存在或已依法删除。').count(), { timeout: 2_000 }).toBe(1);
    await shot('detail-removed');

    await page.goto(new URL('/m/', server.url).href);
    await search('王');
    await expect.poll(() => page.getByText(/找到 1 条记录/).count(), { timeout: 2_000 }).toBe(1);
    expect(await page.getByText('王大力').count()).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000 + 4_000); // 2 s on the server + page loads here
  });

  it('shows the notices, one notice and the privacy page', async () => {
    await page.goto(at('/sub/notices/index'));
    await expect.poll(() => page.getByText('公告与指南').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('失信信息在什么情况下删除').count()).toBe(1);
    await shot('notices');
    await page.getByText('失信信息在什么情况下删除').click();
    await expect.poll(() => page.getByText('应当删除的情形').count(), { timeout: 10_000 }).toBe(1);
    await shot('notice');
    await page.goto(at('/sub/privacy/index'));
    await expect.poll(() => page.getByText('举报时收集什么、为什么').count(), { timeout: 15_000 }).toBe(1);
    await shot('privacy');
  });

  it('takes a tip with two photos and a map point, shows the receipt once and looks it up by receipt', async () => {
    await page.goto(at(`/pages/detail/index?id=${kept}`));
    await shown('举报线索').click();
    await expect.poll(() => shown('线索类型（必选）').count(), { timeout: 15_000 }).toBe(1);
    await shown('提交举报').click();
    await expect.poll(() => shown('请描述您看到的情况。').count()).toBe(1);
    await shown('财产线索').click();
    await page.locator('taro-textarea-core textarea').fill('名下一辆白色轿车常停在某小区地下停车场');
    await page.locator('taro-input-core input[placeholder="如：某小区停车场"]').fill('某小区地下停车场');
    await shot('tip-form');

    await shown('添加照片').click();
    await expect.poll(() => shown('隐私保护提示').count()).toBe(1);
    await shot('tip-privacy-consent');
    // a small red JPEG drawn by the browser itself (runs in the page, hence a string)
    const photo = await page.evaluate<string>(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#c33';
      ctx.fillRect(0, 0, 64, 48);
      return canvas.toDataURL('image/jpeg').split(',')[1];
    })()`);
    const chooser = page.waitForEvent('filechooser');
    await shown('同意并继续').click();
    await (await chooser).setFiles([
      { name: 'car.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64') },
      { name: 'plate.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64') },
    ]);
    await expect.poll(() => page.locator('.photo').count(), { timeout: 10_000 }).toBe(2);

    // the map point: the page explains, the person allows, the browser answers once
    await shown('使用当前位置').click();
    await shown('允许读取').click();
    await expect.poll(() => page.getByText(/地图位置：北纬 20\.04/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => shown('允许读取').count()).toBe(0); // the dialog has gone
    // Taro's H5 greys a [disabled] button's text to white: every button shown must be readable
    type Styled = { getComputedStyle(el: unknown): { color: string } };
    const colorOf = (l: ReturnType<Page['locator']>) =>
      l.evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).color);
    expect(await colorOf(page.locator('.photo taro-button-core').first())).not.toMatch(/255, 255, 255/);
    await shot('tip-form-photos-place');

    await shown('提交举报').click();
    await expect.poll(() => shown('线索已提交').count(), { timeout: 20_000 }).toBe(1);
    const receipt = (await page.locator('.receipt').innerText()).trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await shown('同意在本机保存回执').click();
    await expect.poll(() => colorOf(shown('已保存在本机'))).not.toMatch(/255, 255, 255/);
    await shot('tip-receipt');

    // the photo reached the court's inbox with the tip
    const staff = staffApi(server.url, TOKEN);
    const { items } = await staff.call<{ items: { id: string; listingId: string }[] }>(
      'GET',
      '/api/v1/admin/tips',
    );
    const tip = items.find((t) => t.listingId === kept)!;
    const detail = await staff.call<{
      attachments: unknown[];
      description: string;
      location: { lat: number; lng: number } | null;
    }>('GET', `/api/v1/admin/tips/${tip.id}`);
    expect(detail.attachments).toHaveLength(2);
    // GCJ-02, as WeChat's picker answers: a few hundred metres from the WGS-84 reading
    expect(detail.location).not.toBeNull();
    expect(Math.abs(detail.location!.lat - HERE.latitude)).toBeLessThan(0.01);
    expect(Math.abs(detail.location!.lng - HERE.longitude)).toBeLessThan(0.01);
    expect(detail.location).not.toEqual({ lat: HERE.latitude, lng: HERE.longitude });

    await page.goto(at('/sub/my-tips/index'));
    await expect.poll(() => shown(receipt).count(), { timeout: 15_000 }).toBe(1); // kept on the device
    await page.locator('taro-input-core input[placeholder^="如 7K3M"]').fill(receipt);
    await shown('查询办理情况').click();
    await expect.poll(() => shown('办理状态：已收到').count(), { timeout: 10_000 }).toBe(1);
    await shot('my-tips');
  });

  it('ran without script errors or CSP refusals', () => {
    // the removed listing's 410 and its card's 404 are the expected answers; console lines about
    // failed loads repeat those responses
    const expected = (e: string) =>
      e.includes(removed) && /^(410 .*\/api\/v1\/listings\/|404 .*\/api\/v1\/screens\/cards\/)/.test(e);
    expect(pageErrors.filter((e) => !expected(e) && !/^Failed to load resource/.test(e))).toEqual([]);
  });
});
