/**
 * Chromium helpers for the end-to-end site tests. The browser, the watched page (requests leaving
 * the origin, CSP violations, script dialogs) and the axe check are the site tests' own helpers,
 * shared here rather than written twice.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from '../../apps/web/test/support/axe.ts';
import {
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  type WatchedPage,
} from '../../apps/web/test/support/browser.ts';

export { DESKTOP, PHONE, seriousViolations, type WatchedPage };

/** Back/forward cache left on, as in the browsers people use. */
export function launchChromium(): Promise<Browser> {
  return launchBrowser({ keepBackForwardCache: true });
}

/** A fresh browser context (no shared cache or storage) with one page, watched. */
export const openWatchedPage = openPage;

/** The count the search page announces, once it has answered. */
export async function announcedTotal(page: Page): Promise<number> {
  const status = page.getByRole('status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^(找到 \d+ 条记录|没有找到)/);
  return Number(/找到 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
}

/** Polls `check` until it holds or `timeoutMs` passes. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return check();
}

/** Tags the page's current document, to tell later whether Back restored that same document. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => sessionStorage.setItem('e2e-document', String(performance.timeOrigin)));
}

/** True when the page shows the document `markDocument` tagged (a back/forward cache restore). */
export function isMarkedDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => sessionStorage.getItem('e2e-document') === String(performance.timeOrigin));
}

/** Fills the correction form with a valid request but for `phone`, and submits it. */
export async function fillAndSubmitCorrection(page: Page, grounds: string, phone: string) {
  await page.check(`#c-grounds-${grounds}`);
  await page.fill('#c-name', '张三');
  await page.fill('#c-phone', phone);
  await page.fill('#c-explanation', '本人已于上月全部履行判决确定的付款义务，附银行回单。');
  await page.getByRole('button', { name: '提交纠正申请' }).click();
}
