/**
 * Debian's Chromium through playwright-core, plus the checks every page visit shares: requests
 * that leave the origin, CSP violations, script dialogs (an XSS payload that ran).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../../tests/support/chromium.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/** Debian's Chromium (shared launcher in tests/support). */
export function launchBrowser(opts: { keepBackForwardCache?: boolean } = {}): Promise<Browser> {
  return launchChromium(opts);
}

export interface WatchedPage {
  page: Page;
  /** URLs requested outside the site's origin */
  foreignRequests: string[];
  /** console messages reporting a Content Security Policy violation */
  cspViolations: string[];
  /** messages of alert/confirm/prompt dialogs that opened */
  dialogs: string[];
  close: () => Promise<void>;
}

export async function openPage(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number } = PHONE,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const watched: WatchedPage = {
    page,
    foreignRequests: [],
    cspViolations: [],
    dialogs: [],
    close: () => context.close(),
  };
  const base = origin.replace(/\/$/, '');
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) watched.foreignRequests.push(url);
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) watched.cspViolations.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return watched;
}
