/**
 * The public site as citizens use it, against the real server (`npm start`: real database, search
 * index, static shell, listing pages rendered on demand) in Debian's Chromium. Screenshots go to test-results/e2e-site/.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskIdNumber } from '@portal/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageJsGzipBytes } from '../../apps/web/test/support/dist-files.ts';
import {
  announcedTotal,
  DESKTOP,
  eventually,
  fillAndSubmitCorrection,
  isMarkedDocument,
  launchChromium,
  markDocument,
  openWatchedPage,
  PHONE,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { personDraft, staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-site/', import.meta.url));
const TOKEN = 'e2e-site-staff-token-7f3a9c51d2';
const XSS_NAME = '<script>alert(1)</script>';
const XSS_OBLIGATION = '<img src=x onerror=alert(2)>';
/** A published listing's page is live, a removed one gone, within 2 s (issue 8 §4). */
const PAGE_FRESHNESS_MS = 2000;

let server: RunningServer;
let browser: Browser;
let staff: ReturnType<typeof staffApi>;
let xssId: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ DEMO_RECORDS: '400', STAFF_BOOTSTRAP_TOKEN: TOKEN }),
    launchChromium(),
  ]);
  staff = staffApi(server.url, TOKEN);
  xssId = await staff.createPublished(personDraft(1, { name: XSS_NAME, obligation: XSS_OBLIGATION }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const open = (viewport = PHONE): Promise<WatchedPage> => openWatchedPage(browser, server.url, viewport);
const url = (path: string) => new URL(path, server.url).href;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

describe('public site on the real server', () => {
  it('searching 王 on a phone shows results and facet counts; a filter in the collapsed panel narrows them', async () => {
    const w = await open(PHONE);
    const page = w.page;
    await page.goto(url('/search'), { waitUntil: 'networkidle' });
    await page.fill('#search-q', '王');
    const total = await announcedTotal(page);
    const api = (await (await fetch(url('/api/v1/search?q=%E7%8E%8B'))).json()) as { total: number };
    expect(total).toBe(api.total);
    expect(total).toBeGreaterThan(1);
    expect(await page.locator('.card-list > li').count()).toBe(Math.min(total, 20));
    await shot(page, 'search-390x844');

    // Below 1024 px the filters wait in the collapsed 筛选与排序 panel.
    expect(await page.locator('#f-category').isVisible()).toBe(false);
    await page.locator('summary', { hasText: '筛选与排序' }).click();
    const options = page.locator('#f-category option');
    const counts = (await options.allTextContents()).map((l) => Number(/（(\d+)）$/.exec(l)?.[1] ?? -1));
    expect(counts.slice(1).reduce((a, b) => a + Math.max(b, 0), 0)).toBe(total);
    const pick = counts.findIndex((n) => n > 0 && n < total);
    expect(pick).toBeGreaterThan(0);
    const value = (await options.nth(pick).getAttribute('value')) ?? '';
    await page.selectOption('#f-category', value);
    await expect.poll(() => announcedTotal(page)).toBe(counts[pick]);
    const cards = page.locator('.card-list > li');
    expect(await cards.count()).toBe(Math.min(counts[pick] ?? 0, 20));
    const categoryLines = await cards.locator('.meta:nth-of-type(3)').allTextContents();
    expect(new Set(categoryLines).size).toBe(1);
    await page.locator('summary', { hasText: '筛选与排序（已选 1 项）' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('on a desktop the filters sit open beside the results', async () => {
    const { page } = await open(DESKTOP);
    await page.goto(url('/search?q=%E7%8E%8B'), { waitUntil: 'networkidle' });
    await announcedTotal(page);
    expect(await page.locator('#f-category').isVisible()).toBe(true);
    await shot(page, 'search-1366x900');
    await page.goto(url('/'), { waitUntil: 'networkidle' });
    await shot(page, 'home-1366x900');
    const phone = await open(PHONE);
    await phone.page.goto(url('/'), { waitUntil: 'networkidle' });
    await shot(phone.page, 'home-390x844');
  });

  it('a listing page shows the masked ID number and never the full one', async () => {
    const person = (await staff.published()).find((l) => l.kind === 'person' && l.id !== xssId);
    const full = person?.idNumber ?? '';
    expect(full).toMatch(/^\d{17}[\dX]$/);
    const path = `/listings/${person?.id}/`;
    const html = await (await fetch(url(path))).text();
    expect(html).toContain(maskIdNumber(full));
    expect(html).not.toContain(full);
    for (const viewport of [PHONE, DESKTOP]) {
      const w = await open(viewport);
      await w.page.goto(url(path), { waitUntil: 'networkidle' });
      expect(await w.page.locator('#masked-id').textContent()).toBe(maskIdNumber(full));
      expect(await w.page.locator('h1#listing-title').textContent()).toContain(person?.name);
      expect(await w.page.content()).not.toContain(full);
      await shot(w.page, `detail-${viewport.width}x${viewport.height}`);
      if (viewport === DESKTOP) expect(await seriousViolations(w.page)).toEqual([]);
      expect(w.cspViolations).toEqual([]);
    }
  });

  it('a removed listing leaves search at once, its open page hides itself, its page answers 410 and the home page drops it within 2 s', async () => {
    const home = await open(DESKTOP);
    await home.page.goto(url('/'), { waitUntil: 'networkidle' });
    const link = home.page
      .locator('section[aria-labelledby="latest-title"] a[href^="/listings/"]')
      .filter({ hasNotText: XSS_NAME })
      .first();
    const [href, name] = [(await link.getAttribute('href')) ?? '', (await link.textContent()) ?? ''];
    const id = /^\/listings\/([^/]+)\/$/.exec(href)?.[1] ?? '';
    expect(id).not.toBe('');

    const search = await open(PHONE);
    await search.page.goto(url(`/search?q=${encodeURIComponent(name)}`), { waitUntil: 'networkidle' });
    await announcedTotal(search.page);
    const hit = search.page.locator(`.card-list a[href="${href}"]`);
    expect(await hit.count()).toBe(1);
    const detail = await open(PHONE);
    await detail.page.goto(url(href), { waitUntil: 'networkidle' });
    expect(await detail.page.locator('#listing-record').isVisible()).toBe(true);
    const back = await open(PHONE);
    await back.page.goto(url(href), { waitUntil: 'networkidle' });
    await markDocument(back.page);
    await back.page.getByRole('link', { name: '← 返回查询' }).click();
    await back.page.waitForURL(/\/search$/);

    expect(await staff.remove(id)).toMatchObject({ status: 'removed' });
    const removedAt = Date.now();

    // Search: gone on the next query (the contract allows the read model 2 s).
    const goneFromSearch = eventually(async () => {
      await search.page.getByRole('button', { name: '查询', exact: true }).click();
      await announcedTotal(search.page);
      return (await hit.count()) === 0;
    }, 4_000);
    expect(await goneFromSearch).toBe(true);

    // The open page, reloaded: the listing is not shown, and the page says why.
    const reload = await detail.page.reload({ waitUntil: 'networkidle' });
    expect(reload?.status()).toBe(410);
    expect(await detail.page.locator('#listing-record').count()).toBe(0);
    expect(await detail.page.locator('main').textContent()).toContain('已依法删除或不再公布');
    expect(await detail.page.locator('main').textContent()).not.toContain(name);
    await shot(detail.page, 'detail-removed-390x844');
    // A page the browser restores with Back (from its cache or not) does not show it either.
    await back.page.goBack({ waitUntil: 'networkidle' });
    const cached = await isMarkedDocument(back.page);
    console.log(`Back ${cached ? 'restored the page from the back/forward cache' : 'loaded it again'}`);
    await expect.poll(() => back.page.locator('#listing-record').count()).toBe(0);
    expect(await back.page.locator('main').textContent()).not.toContain(name);

    // The listing page (rendered on demand, cached) answers 410 at once; the home page drops it.
    expect((await fetch(url(href))).status).toBe(410);
    const homeUpdated = await eventually(
      async () => !(await (await fetch(url('/'))).text()).includes(href),
      PAGE_FRESHNESS_MS,
    );
    expect(homeUpdated).toBe(true);
    console.log(`home page without it ${Date.now() - removedAt} ms after removal`);
    // The shell holds no listing page at all: they exist only on demand.
    const [digest] = readdirSync(join(server.dataDir, 'site'));
    const shell = join(server.dataDir, 'site', digest ?? '', 'client');
    expect(readdirSync(shell)).not.toContain('listings');
    // The server builds React's production bundle whatever NODE_ENV it runs under (here `test`).
    expect(pageJsGzipBytes(shell, 'search/index.html').total).toBeLessThanOrEqual(64 * 1024);
  });

  it('the correction form shows zh-CN errors next to the field and submits to the real endpoint', async () => {
    const listing = (await staff.published()).find((l) => l.id !== xssId);
    const w = await open(PHONE);
    const { page } = w;
    await page.goto(url(`/corrections/?listing=${listing?.id}`), { waitUntil: 'networkidle' });
    await page.locator('.success', { hasText: `您申请纠正的记录：${listing?.name}` }).waitFor();
    await fillAndSubmitCorrection(page, 'should_be_deleted', '12345');
    const phoneError = page.locator('#c-phone-error');
    expect(await phoneError.textContent()).toBe(
      '联系电话格式不正确，请填写 11 位手机号码或带区号的固定电话。',
    );
    expect(await page.locator('#c-phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#c-phone').getAttribute('aria-describedby')).toContain('c-phone-error');
    await shot(page, 'correction-error-390x844');

    await page.fill('#c-phone', '+86 138-0013-8000');
    expect(await phoneError.count()).toBe(0);
    await page.getByRole('button', { name: '提交纠正申请' }).click();
    await page.getByRole('heading', { name: '纠正申请已提交' }).waitFor();
    const receipt = (await page.locator('.success strong.mono').textContent()) ?? '';
    expect(receipt).toMatch(/^JZ[0-9A-Z]{10}$/);
    expect(await page.locator('main').textContent()).toMatch(/将在 \d{4}年\d{1,2}月\d{1,2}日 前完成审查/);
    await shot(page, 'correction-receipt-390x844');
    const stored = (await staff.corrections()).find((c) => c.receiptCode === receipt);
    expect(stored?.requester.phone).toBe('13800138000');

    // The server's own field error (a listing it does not publish) shows next to that field.
    await page.goto(url('/corrections/?listing=L-NO-SUCH-LISTING'), { waitUntil: 'networkidle' });
    await fillAndSubmitCorrection(page, 'inaccurate', '13800138000');
    await expect
      .poll(() => page.locator('#c-listing-error').textContent())
      .toBe('未找到该公布中的失信信息，请从信息详情页提交申请。');
    expect(await page.locator('#c-listing').getAttribute('aria-invalid')).toBe('true');
    expect(w.cspViolations).toEqual([]);
  });

  it('a name carrying a script renders as text on its page (live within 2 s) and in search results', async () => {
    const path = `/listings/${xssId}/`;
    expect(await eventually(async () => (await fetch(url(path))).status === 200, PAGE_FRESHNESS_MS)).toBe(
      true,
    );
    const w = await open(DESKTOP);
    const { page } = w;
    await page.goto(url(path), { waitUntil: 'networkidle' });
    expect(await page.locator('h1#listing-title').textContent()).toContain(XSS_NAME);
    expect(await page.locator('main').textContent()).toContain(XSS_OBLIGATION);
    expect(await page.locator('main img').count()).toBe(0);
    await shot(page, 'detail-xss-1366x900');
    await page.goto(url('/search'), { waitUntil: 'networkidle' });
    await page.fill('#search-q', XSS_NAME);
    await announcedTotal(page);
    expect(await page.getByRole('link', { name: XSS_NAME }).count()).toBe(1);
    expect(await page.locator('.card-list').textContent()).toContain(XSS_NAME);
    await shot(page, 'search-xss-1366x900');
    expect(w.dialogs).toEqual([]);
    expect(w.cspViolations).toEqual([]);
  });

  it('the API documentation reads on a 390 px phone without sideways scrolling', async () => {
    const w = await open(PHONE);
    const { page } = w;
    await page.goto(url('/api/v1/docs'), { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('失信曝光台 API 文档');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(w.cspViolations).toEqual([]);
    await shot(page, 'api-docs-390');
  });
});
