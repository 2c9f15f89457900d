/**
 * The live parts of the pages (search, status check, correction form) against the real API
 * (`createApp()` on PGlite, holding the test site's listings). The full flow with the real
 * server process is covered by the end-to-end suite in tests/e2e.
 */

import { correctionReviewDeadline, todayInChina } from '@portal/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDateZh } from '../src/lib/format.ts';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, openPage, PHONE } from './support/browser.ts';
import { testSnapshot, XSS_SCRIPT } from './support/fixture.ts';
import { type RealApi, startRealApi } from './support/real-api.ts';
import { serveSite } from './support/site-server.ts';
import type { StaticServer } from './support/static-server.ts';

const { dist } = inject('webSite');
const { listings } = testSnapshot();
const REMOVED = listings.find((l) => l.id !== 'xss-person' && l.kind === 'person')!;
let browser: Browser;
let server: StaticServer;
let api: RealApi;

beforeAll(async () => {
  [browser, api] = await Promise.all([launchBrowser(), startRealApi({ removed: [REMOVED.id] })]);
  server = await serveSite(dist, api.api);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
});

describe('search page', () => {
  it('searching 王 shows results, announces the count and shows facet counts', async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/search`, { waitUntil: 'networkidle' });
    await page.fill('#search-q', '王');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^找到 \d+ 条记录/);
    expect(await page.locator('.card-list > li').count()).toBeGreaterThan(0);
    const options = await page.locator('#f-category option').allTextContents();
    expect(options.some((o) => /（\d+）$/.test(o))).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('王');
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    await w.close();
  });

  it('法发〔2019〕35号: a company found through its legal representative is labelled, with why', async () => {
    const org = listings.find(
      (l) =>
        l.kind === 'org' &&
        l.legalRepresentative &&
        l.id !== REMOVED.id &&
        !listings.some((o) => o.name.includes(l.legalRepresentative!)),
    )!;
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/search?q=${encodeURIComponent(org.legalRepresentative!)}`, {
      waitUntil: 'networkidle',
    });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^找到 \d+ 条记录/);
    const card = page.locator('.card-list > li', { hasText: org.name });
    await expect.poll(() => card.locator('.badge.via-representative').textContent()).toBe('命中：法定代表人');
    expect(await card.textContent()).toContain('法定代表人本人并未因此被列为失信被执行人');
    expect(await seriousViolations(page)).toEqual([]);
    await w.close();
  });

  it('a filter narrows the results and the URL holds the state for sharing', async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/search?q=%E7%8E%8B`, { waitUntil: 'networkidle' });
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^找到 \d+ 条记录/);
    const total = Number(/找到 (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    await page.locator('summary', { hasText: '筛选与排序' }).click(); // collapsed on phones
    const labels = await page.locator('#f-category option').allTextContents();
    const values = await page
      .locator('#f-category option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const pick = labels.findIndex((l) => {
      const n = Number(/（(\d+)）$/.exec(l)?.[1] ?? 0);
      return n > 0 && n < total;
    });
    expect(pick).toBeGreaterThan(0);
    const category = values[pick] ?? '';
    const expected = Number(/（(\d+)）$/.exec(labels[pick] ?? '')?.[1]);
    await page.selectOption('#f-category', category);
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^找到 ${expected} 条记录`));
    expect(new URL(page.url()).searchParams.get('category')).toBe(category);
    expect(await page.locator('.card-list > li').count()).toBe(expected);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.inputValue('#search-q')).toBe('王');
    expect(await page.inputValue('#f-category')).toBe(category);
    await w.close();
  });

  it('renders HTML and script payloads in results as text', async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/search?q=${encodeURIComponent('<')}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByRole('link', { name: XSS_SCRIPT }).count()).toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    await w.close();
  });
});

describe('listing page of a removed listing', () => {
  it('hides the record on load and says it is no longer published', async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/listings/${REMOVED.id}/`, { waitUntil: 'networkidle' });
    await page.locator('#listing-gone').waitFor({ state: 'visible' });
    expect(await page.locator('#listing-gone h1').textContent()).toBe('该信息已依法删除或不再公布');
    expect(await page.locator('#listing-record').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(REMOVED.name);
    await w.close();
  });
});

describe('correction form', () => {
  it('preselects the listing from its page, submits and shows the receipt', async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/listings/xss-org/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: '为这条记录申请纠正' }).click();
    await page.waitForURL(/\/corrections\/\?listing=xss-org$/);
    expect(await page.inputValue('#c-listing')).toBe('xss-org');
    await page.locator('.success').getByText('案号(2026)琼9003执9002号').waitFor();
    await page.check('#c-grounds-should_be_deleted');
    await page.fill('#c-name', '儋州某某有限公司');
    await page.fill('#c-phone', '0898-23300000');
    await page.fill('#c-explanation', '本公司已于上月全部履行判决确定的付款义务，附银行回单。');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '提交纠正申请' }).click();
    await page.getByText('纠正申请已提交').waitFor();
    expect(await page.locator('body').textContent()).toMatch(/JZ[0-9A-Z]{10}/);
    const deadline = correctionReviewDeadline(todayInChina());
    expect(await page.locator('body').textContent()).toContain(formatDateZh(deadline));
    await w.close();
  });

  it("shows the server's zh-CN error next to the field it names", async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/corrections/?listing=${REMOVED.id}`, { waitUntil: 'networkidle' });
    await page.check('#c-grounds-inaccurate');
    await page.fill('#c-name', '张三');
    await page.fill('#c-phone', '13800138000');
    await page.fill('#c-explanation', '金额记载错误，应为一万元。');
    await page.getByRole('button', { name: '提交纠正申请' }).click();
    await expect
      .poll(() => page.locator('#c-listing-error').textContent())
      .toBe('未找到该公布中的失信信息，请从信息详情页提交申请。');
    expect(await page.locator('#c-listing').getAttribute('aria-invalid')).toBe('true');
    await w.close();
  });
});

/** Sum of every layout shift not caused by input (an upper bound of CLS), from page load on. */
async function layoutShiftOf(page: import('playwright-core').Page, url: string): Promise<number> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page
    .getByRole('status')
    .filter({ hasText: /^找到 \d+ 条记录/ })
    .waitFor();
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __shift: number }).__shift);
}

describe('search page layout (issue 14 item 16)', () => {
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`keeps the layout still while results of 王 arrive on a ${label} (CLS ≤ 0.05)`, async () => {
      const w = await openPage(browser, server.url, viewport);
      const shift = await layoutShiftOf(w.page, `${server.url}/search/?q=%E7%8E%8B`);
      expect(await w.page.locator('.card-list > li').count()).toBeGreaterThan(0);
      console.info(`search page layout shift on ${label}: ${shift.toFixed(4)}`);
      expect(shift).toBeLessThanOrEqual(0.05);
      await w.close();
    });
  }
});

describe('search page when the API says 429 (issue 14 item 2)', () => {
  let limited: RealApi;
  let limitedServer: StaticServer;
  beforeAll(async () => {
    // one search a minute per client: the second search is refused
    limited = await startRealApi({ env: { RATE_LIMIT_PER_MIN: '1' } });
    limitedServer = await serveSite(dist, limited.api);
  });
  afterAll(async () => {
    await limitedServer?.close();
    await limited?.close();
  });

  it('keeps the results, says calmly when it will search again, and does not move the page', async () => {
    const w = await openPage(browser, limitedServer.url);
    const { page } = w;
    await layoutShiftOf(page, `${limitedServer.url}/search/?q=%E7%8E%8B`);
    const shown = await page.locator('.card-list > li').count();
    expect(shown).toBeGreaterThan(0);
    await page.evaluate(() => {
      (window as unknown as { __shift: number }).__shift = 0;
    });
    await page.fill('#search-q', '王五');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^查询的人较多，请稍候：\d+ 秒后将自动重新查询。$/);
    await page.waitForTimeout(300);
    expect(await page.locator('.card-list > li').count()).toBe(shown);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThanOrEqual(
      0.05,
    );
    await w.close();
  });
});
