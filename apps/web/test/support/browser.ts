/**
 * Debian's Chromium through playwright-core, plus the checks every page visit shares: requests
 * that leave the origin, CSP violations, script dialogs (an XSS payload that ran).
 */
import { type Browser, chromium, type Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/**
 * `keepBackForwardCache`: Playwright turns Chromium's back/forward cache off by default; keep it
 * on to test pages restored with Back as people's browsers really restore them.
 */
export function launchBrowser(opts: { keepBackForwardCache?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    ...(opts.keepBackForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
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
