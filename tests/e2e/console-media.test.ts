/**
 * The console's 媒体素材 screen as a court admin uses it, against the real server (`npm start`,
 * with a few demo listings) in Debian's Chromium at 1440×900: download the TV deck and the A3
 * and A4 newspaper pages, and check the files themselves (ZIP entries and PNG sizes; PDF page
 * size, text, masked IDs, 演示数据, subset fonts). Screenshots go to test-results/e2e-console/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullIdNumbersIn } from '@portal/graphics/testing/id-numbers';
import { inspectPdf, unwrapped } from '@portal/graphics/testing/pdf';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openWatchedPage,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-console/', import.meta.url));
const ADMIN = { username: 'court.admin', password: 'Zhixing-2017-ok' };
const DESK = { width: 1440, height: 900 };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({
      DEMO_RECORDS: '20',
      SITE_BUILD: '0',
      STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
    }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Sign-in runs scrypt and a slide or a PDF is drawn on a shared 2-core machine: allow seconds. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** Clicks the button and returns the downloaded file's name and bytes. */
async function downloadBy(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function publicJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, server.url));
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe('console 媒体素材 on the real server', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openWatchedPage(browser, server.url, DESK);
  });
  afterAll(() => watched?.close());

  it('opens the screen from the navigation after sign-in, axe-clean', async () => {
    const { page } = watched;
    await page.goto(new URL('/console/', server.url).href);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.getByRole('link', { name: '媒体素材' }).count()).toBe(1);
    await page.getByRole('link', { name: '媒体素材' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('媒体素材');
    expect(await page.getByRole('button', { name: '下载电视轮播素材（ZIP）' }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'media');
  });

  it('downloads the TV deck: every board page and the statistics slide as 1920×1080 PNGs, with the manifest', async () => {
    const { page } = watched;
    const board = await publicJson<{ pages: number; listingIds: string[] }>(
      '/api/v1/screens/board.json?page=1',
    );
    const { name, bytes } = await downloadBy(page, '下载电视轮播素材（ZIP）');
    expect(name).toMatch(/^电视轮播素材-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(bytes));
    const pngs = Object.keys(files).filter((f) => f.endsWith('.png'));
    expect(pngs.filter((f) => f.startsWith('board-'))).toHaveLength(board.pages);
    expect(pngs).toContain('stats.png');
    for (const f of pngs) {
      const png = Buffer.from(files[f]!);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], f).toEqual([1920, 1080]);
    }
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
      slides: { file: string; listingIds?: string[] }[];
    };
    expect(manifest.slides[0]).toEqual({ file: 'board-001.png', page: 1, listingIds: board.listingIds });
    await poll(() => page.getByRole('status').textContent()).toMatch(/^已下载“电视轮播素材-.+\.zip”/);
  });

  it('downloads the A3 and A4 newspaper pages: right page size, the listed names and masked IDs, 演示数据, subset fonts', async () => {
    const { page } = watched;
    const { listingIds } = await publicJson<{ listingIds: string[] }>('/api/v1/screens/board.json?page=1');
    type Listing = { name: string; kind: string; idNumberMasked?: string };
    const shown = await Promise.all(listingIds.map((id) => publicJson<Listing>(`/api/v1/listings/${id}`)));
    const person = shown.find((l) => l.kind === 'person');
    expect(person?.idNumberMasked).toMatch(/^\d{10}\*{4}\d{3}[\dX]$/);
    for (const [size, w, h] of [
      ['A3', 841.89, 1190.55],
      ['A4', 595.28, 841.89],
    ] as const) {
      const { name, bytes } = await downloadBy(page, `下载 ${size} 版面（PDF）`);
      expect(name).toMatch(new RegExp(`^失信被执行人名单公告-${size}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
      const pdf = await inspectPdf(bytes);
      expect(pdf.pages.length).toBeGreaterThan(0);
      for (const p of pdf.pages) expect([p.width, p.height]).toEqual([w, h]);
      const text = unwrapped(pdf.text);
      for (const l of shown) expect(text).toContain(l.name);
      expect(text).toContain(person!.idNumberMasked);
      expect(text).toContain('演示数据');
      expect(fullIdNumbersIn(text)).toEqual([]);
      for (const f of pdf.fonts) expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    await shot(page, 'media-downloaded');
  });

  it('shows the API’s zh-CN message when a download is refused, and downloads nothing', async () => {
    const { page } = watched;
    const refused = '**/api/v1/admin/media/newspaper.pdf*';
    await page.route(refused, (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'FORBIDDEN', message: '此操作仅限法院管理员。', requestId: 'r1' },
        }),
      }),
    );
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: '下载 A4 版面（PDF）' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('此操作仅限法院管理员。');
    expect(downloads).toBe(0);
    expect(await page.getByRole('button', { name: '下载 A4 版面（PDF）' }).isEnabled()).toBe(true);
    await page.unroute(refused);
  });
});
