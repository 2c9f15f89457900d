/**
 * The mini-program's H5 build (served at /m/) on the real server (`npm start`) in Debian's
 * Chromium at a 390×844 phone screen: search 王 → detail → share card; a removed listing
 * disappears from search and detail within 2 s; notices and privacy pages. Screenshots of each
 * page go to test-results/miniprogram/.
 * UNFINISHED: tip submission with a photo and a map point → receipt → look-up (needs the tip
 * API from the `tips` branch and the 举报 page).
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

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let kept: string;
let removed: string;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
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
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

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

  it('ran without script errors or CSP refusals', () => {
    expect(pageErrors.filter((e) => !/Failed to load resource: .* 410|404/.test(e))).toEqual([]);
  });
});
