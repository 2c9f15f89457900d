/**
 * 我要举报 as a citizen uses it, against the real server (`npm start`: database, API, site) in
 * Debian's Chromium at 390 px: from a listing page to a stored tip with a photo, the receipt
 * written down and looked up, the unit's answer read back; a 悬赏 notice published by staff shows
 * on the listing page and its claim gets registration number 1. Screenshots go to
 * test-results/e2e-tips/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  rewardCreateRoute,
  rewardPublishRoute,
  staffTipDetailRoute,
  staffTipListRoute,
  staffTipStatusRoute,
} from '@portal/contract';
import { createApiClient } from '@portal/contract/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../../apps/web/test/support/tip-photo.ts';
import {
  launchChromium,
  openWatchedPage,
  PHONE,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-tips/', import.meta.url));
const TOKEN = 'e2e-tips-staff-token-4b81e0c2a9';

let server: RunningServer;
let browser: Browser;
let jpeg: Buffer;
let listingIds: string[];
const pages: WatchedPage[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ DEMO_RECORDS: '60', STAFF_BOOTSTRAP_TOKEN: TOKEN }),
    launchChromium(),
  ]);
  jpeg = await makeJpeg(browser);
  listingIds = (await staffApi(server.url, TOKEN).published()).map((l) => l.id);
});
afterAll(async () => {
  await Promise.all(pages.map((w) => w.close()));
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const staff = () =>
  createApiClient({ baseUrl: server.url.replace(/\/$/, ''), headers: { Authorization: `Bearer ${TOKEN}` } });
const url = (path: string) => new URL(path, server.url).href;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function phone(path: string): Promise<WatchedPage> {
  const w = await openWatchedPage(browser, server.url, PHONE);
  pages.push(w);
  await w.page.goto(url(path), { waitUntil: 'networkidle' });
  return w;
}

/** The receipt as the tipster would write it down: read off the screen, group by group. */
async function writeDownReceipt(page: Page): Promise<string> {
  await page.locator('#tip-receipt-code').waitFor({ timeout: 20_000 });
  const groups = await page.locator('.tip-receipt-group').allTextContents();
  expect(groups).toHaveLength(4);
  for (const g of groups) expect(g).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
  return groups.join(' ');
}

async function lookUp(page: Page, receipt: string): Promise<string> {
  await page.goto(url('/report/status/'), { waitUntil: 'networkidle' });
  await page.fill('#t-receipt', receipt);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('#tip-status-label').waitFor();
  return (await page.locator('#tip-status-label').textContent()) ?? '';
}

describe('tip-offs on the real server', () => {
  it('from a listing page at 390 px: 我要举报 with a photo, the receipt written down, looked up, the unit’s answer read', async () => {
    const listingId = listingIds[0] ?? '';
    const w = await phone(`/listings/${listingId}/`);
    const { page } = w;
    await page.getByRole('main').getByRole('link', { name: '我要举报' }).click();
    await page.waitForURL(`**/report/?listing=${listingId}`);
    await page.locator('.tip-target-name').waitFor();
    await page.check('#t-kind-consumption');
    await page.check('#t-item-1');
    await page.fill('#t-description', '11月28日早上在美兰机场看到他乘坐飞往北京的航班，坐的是头等舱。');
    await page.fill('#t-place', '海口美兰国际机场 T2 航站楼');
    await page.fill('#t-lat', '19.9389, 110.4590');
    expect(await page.inputValue('#t-lng')).toBe('110.4590');
    await page.setInputFiles('#t-photos', [{ name: 'boarding.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await page.locator('.tip-photos canvas').waitFor();
    await shot(page, 'tip-form-filled-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '提交举报' }).click();

    const receipt = await writeDownReceipt(page);
    expect(page.url()).not.toContain(receipt.split(' ')[0] ?? '-');
    await shot(page, 'tip-receipt-390');
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.foreignRequests).toEqual([]);

    // the unit sees the tip with its photo (EXIF-free, staff only) and no identity
    const inbox = await staff().call(staffTipListRoute, { query: { page: 1 } });
    const tip = inbox.items.find((t) => t.listingId === listingId && t.description.includes('美兰机场'));
    expect(tip).toBeDefined();
    expect(tip?.hasContact).toBe(false);
    const detail = await staff().call(staffTipDetailRoute, { params: { id: tip?.id ?? '' } });
    expect(detail.attachments).toHaveLength(1);
    expect(detail.location).toEqual({ lat: 19.9389, lng: 110.459 });
    expect(detail.consumptionItem).toBe(1);
    const photo = await fetch(url(detail.attachments[0]?.url ?? '/'));
    expect(photo.status).toBe(401);

    const status = await phone('/report/status/');
    expect(await lookUp(status.page, receipt.toLowerCase())).toBe('已收到');
    expect(status.page.url()).toBe(url('/report/status/'));
    await staff().call(staffTipStatusRoute, {
      params: { id: tip?.id ?? '' },
      json: { status: 'in_review', messageToTipster: '您反映的情况已转交执行团队核查，感谢支持。' },
    });
    expect(await lookUp(status.page, receipt)).toBe('核查中');
    expect(await status.page.locator('.tip-messages').textContent()).toContain('已转交执行团队核查');
    await shot(status.page, 'tip-status-390');
    expect(await seriousViolations(status.page)).toEqual([]);
    expect(status.cspViolations).toEqual([]);

    await status.page.fill('#t-receipt', '0000-0000-0000-0000');
    await status.page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(() => status.page.locator('#tip-lookup-unknown h2').textContent())
      .toBe('没有找到这个回执码');
  });

  it('a 悬赏 notice published by staff shows on the listing page and in the list; its claim is registered as no. 1', async () => {
    const listingId = listingIds[1] ?? '';
    const created = await staff().call(rewardCreateRoute, {
      json: {
        listingId,
        ratePercent: 10,
        conditions: ['提供被执行人可供执行的财产线索，经查证属实并执行到位的。'],
        startsAt: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        endsAt: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        applicantName: '张某某',
        applicantKind: 'person',
      },
    });
    await staff().call(rewardPublishRoute, { params: { id: created.id } });

    const listing = await phone(`/listings/${listingId}/`);
    await expect
      .poll(() => listing.page.locator('#listing-reward').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await listing.page.locator('#listing-reward a').click();
    await listing.page.waitForURL(`**/rewards/notice/?id=${created.id}`);
    const page = listing.page;
    await expect.poll(() => page.locator('#reward-terms').textContent()).toContain('10%');
    expect(await page.locator('main').textContent()).not.toContain('张某某');
    await shot(page, 'reward-notice-390');
    expect(await seriousViolations(page)).toEqual([]);

    const pngSize = async (path: string) => {
      const res = await fetch(url(path));
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(await pngSize(`/api/v1/screens/rewards/${created.id}.png`)).toEqual([1240, 1754]);
    expect(await pngSize(`/api/v1/screens/rewards/${created.id}.png?orientation=landscape`)).toEqual([
      1920, 1080,
    ]);
    // the kiosk loops the notice's poster while it is in force
    const kiosk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await kiosk.goto(url('/screen?slides=stats,reward&interval=2'));
      await expect
        .poll(() => kiosk.evaluate('document.body.dataset.notice'), { timeout: 20_000, interval: 200 })
        .toBe(created.id);
      expect(await kiosk.evaluate('document.body.dataset.ids')).toBe(listingId);
      await kiosk.waitForTimeout(800); // the fade-in
      await kiosk.screenshot({ path: join(SHOTS, 'kiosk-reward-1920x1080.png') });
    } finally {
      await kiosk.close();
    }

    await page.getByRole('link', { name: '我要提供线索' }).click();
    await page.waitForURL(`**/report/?notice=${created.id}`);
    await page.locator('.tip-target-name').waitFor();
    expect(await page.isChecked('#t-claim')).toBe(true);
    await page.check('#t-kind-asset');
    await page.check('#t-asset-real_estate');
    await page.fill('#t-description', '他在那大镇有一套商铺，现在出租给一家超市。');
    await page.fill('#t-name', '王五');
    await page.fill('#t-phone', '13800138000');
    await page.getByRole('button', { name: '提交举报' }).click();
    await writeDownReceipt(page);
    expect(await page.locator('#tip-registration-no').textContent()).toBe('第 1 号');
    await shot(page, 'tip-claim-receipt-390');

    const list = await phone('/rewards/');
    await expect.poll(() => list.page.locator('.reward-list li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(list.page)).toEqual([]);
    await shot(list.page, 'rewards-390');
    const start = await phone('/report/');
    expect(await start.page.locator('#tip-target h2').textContent()).toBe('先找到被执行人');
    expect(await seriousViolations(start.page)).toEqual([]);
  });
});
