import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`; .ci/run installs it), the one
 * browser every test and benchmark here drives. Playwright's own browser downloads fail on these
 * machines, so the path is fixed (override with CHROMIUM_PATH).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless as root, and no background traffic: this machine's network is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `keepBackForwardCache`: Playwright turns Chromium's back/forward cache off by default; keep it
 * on to test pages restored with Back as people's browsers really restore them.
 */
export function launchChromium(opts: { keepBackForwardCache?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    ...(opts.keepBackForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}
