/**
 * Debian's Chromium through playwright-core for the end-to-end site tests, with what every visit
 * watches: requests leaving the origin, CSP violations, script dialogs (an XSS payload that ran).
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/**
 * Playwright turns Chromium's back/forward cache off by default; it is left on here, as in the
 * browsers people use, so pages restored with Back are tested as they really behave.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  foreignRequests: string[];
  cspViolations: string[];
  dialogs: string[];
  close: () => Promise<void>;
}

/** A fresh browser context (no shared cache or storage) with one page, watched. */
export async function openWatchedPage(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number } = PHONE,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const w: WatchedPage = {
    page,
    foreignRequests: [],
    cspViolations: [],
    dialogs: [],
    close: () => context.close(),
  };
  const base = origin.replace(/\/$/, '');
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) w.foreignRequests.push(url);
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) w.cspViolations.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    w.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return w;
}

/** The count the search page announces, once it has answered. */
export async function announcedTotal(page: Page): Promise<number> {
  const status = page.getByRole('status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^(找到 \d+ 条记录|没有找到)/);
  return Number(/找到 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
}

export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
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
