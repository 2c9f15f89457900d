import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../../../tests/support/chromium.ts';
import { type FakeScreensApi, startFakeScreensApi } from '../testing/fake-screens-api.ts';

interface KioskState {
  state?: string;
  page?: string;
  ids?: string;
}

/** The kiosk's state attributes (evaluated in the page; a string so this file needs no DOM types). */
const state = (page: Page): Promise<KioskState> =>
  page.evaluate(
    '({ state: document.body.dataset.state, page: document.body.dataset.page, ids: document.body.dataset.ids })',
  );

/** Starts logging every distinct slide shown (`board:2`, `stats:1`, `neutral`) into `window.seen`. */
const recordSlides = (page: Page) =>
  page.evaluate(`(() => {
    window.seen = [];
    const log = () => {
      const d = document.body.dataset;
      const s = d.state === 'slide' ? d.slide + ':' + d.page : d.state;
      if (window.seen[window.seen.length - 1] !== s) window.seen.push(s);
    };
    log();
    new MutationObserver(log).observe(document.body, { attributes: true });
  })()`);
const seen = (page: Page): Promise<string[]> => page.evaluate('window.seen');

describe.skipIf(!existsSync(CHROMIUM_PATH))('kiosk page against a fake screens API', () => {
  let browser: Browser;
  let api: FakeScreensApi;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loops the pages, drops a delisted id at once, goes neutral when stale, recovers', async () => {
    api = await startFakeScreensApi(['A', 'B', 'C', 'D']);
    const page = await browser.newPage();
    try {
      await page.goto(`${api.url}/screen?interval=2&staleAfter=3&recheck=1`);
      await expect.poll(() => state(page), { timeout: 5000 }).toMatchObject({ state: 'slide', page: '1' });
      await expect.poll(() => state(page), { timeout: 5000 }).toMatchObject({ state: 'slide', page: '2' });

      const onScreen = (await state(page)).ids?.split(',') ?? [];
      const gone = onScreen[0]!;
      api.ids = api.ids.filter((id) => id !== gone);
      await expect
        .poll(async () => (await state(page)).ids?.split(','), { timeout: 1800 })
        .not.toContain(gone);

      api.down = true;
      const downAt = Date.now();
      await expect
        .poll(async () => (await state(page)).state, { timeout: 6000, interval: 100 })
        .toBe('neutral');
      const staleFor = Date.now() - downAt;
      expect(staleFor, 'never a listing beyond staleAfter (+1 s watchdog)').toBeLessThan(3000 + 1500);
      await page.waitForTimeout(1500);
      expect((await state(page)).state).toBe('neutral');

      api.down = false;
      await expect.poll(async () => (await state(page)).state, { timeout: 6000 }).toBe('slide');
    } finally {
      await page.close();
      await api.close();
    }
  });

  it('rotates board pages, 涉民生 pages and the statistics slide; restarts when pages disappear', async () => {
    api = await startFakeScreensApi(['A', 'B', 'C', 'D', 'E', 'F']);
    api.livelihoodIds = ['B', 'E'];
    const page = await browser.newPage();
    try {
      await page.goto(`${api.url}/screen?interval=2&staleAfter=10&recheck=1`);
      await recordSlides(page);
      await expect
        .poll(() => seen(page), { timeout: 20_000, interval: 200 })
        .toEqual(expect.arrayContaining(['board:1', 'board:2', 'board:3', 'livelihood:1', 'stats:1']));
      const order = (await seen(page)).filter((s) => s !== 'starting');
      expect(order.slice(0, 5)).toEqual(['board:1', 'board:2', 'board:3', 'livelihood:1', 'stats:1']);

      await expect
        .poll(async () => (await seen(page)).at(-1), { timeout: 15_000, interval: 100 })
        .toBe('board:3');
      api.ids = ['A', 'B'];
      await expect
        .poll(async () => (await seen(page)).at(-1), { timeout: 3000, interval: 100 })
        .not.toBe('board:3');
      await expect
        .poll(async () => (await seen(page)).at(-1), { timeout: 8000 })
        .toMatch(/^(board:1|livelihood:1|stats:1)$/);
    } finally {
      await page.close();
      await api.close();
    }
  });

  it('shows one 悬赏 poster per notice in force after the statistics slide, and drops an ended notice at once', async () => {
    api = await startFakeScreensApi(['A', 'B']);
    api.rewards = [
      { id: 'N1', listingId: 'A' },
      { id: 'N2', listingId: 'B' },
    ];
    const page = await browser.newPage();
    try {
      await page.goto(`${api.url}/screen?interval=2&staleAfter=10&recheck=1&slides=stats,reward`);
      await recordSlides(page);
      await expect
        .poll(() => seen(page), { timeout: 15_000, interval: 200 })
        .toEqual(expect.arrayContaining(['stats:1', 'reward:1', 'reward:2']));
      const order = (await seen(page)).filter((s) => s !== 'starting');
      expect(order.slice(0, 3)).toEqual(['stats:1', 'reward:1', 'reward:2']);

      await expect
        .poll(() => page.evaluate('document.body.dataset.notice'), { timeout: 10_000, interval: 100 })
        .toBe('N2');
      expect(await page.evaluate('document.querySelector("#stage img").getAttribute("src")')).toMatch(
        /^\/api\/v1\/screens\/rewards\/N2\.png\?orientation=landscape&v=/,
      );
      expect((await state(page)).ids).toBe('B');
      // the notice on screen ends (its period, or its listing removed): off the screen within a recheck
      api.rewards = [{ id: 'N1', listingId: 'A' }];
      await expect
        .poll(() => page.evaluate('document.body.dataset.notice'), { timeout: 2500, interval: 100 })
        .not.toBe('N2');
    } finally {
      await page.close();
      await api.close();
    }
  });

  it('skips the 悬赏 slide while no notice is in force, or when the API has no notices at all', async () => {
    api = await startFakeScreensApi(['A', 'B', 'C']);
    const page = await browser.newPage();
    try {
      await page.goto(`${api.url}/screen?interval=2&staleAfter=10&recheck=1&slides=board,reward`);
      await recordSlides(page);
      await expect
        .poll(() => seen(page), { timeout: 12_000, interval: 200 })
        .toEqual(expect.arrayContaining(['board:1', 'board:2', 'board:1']));
      api.rewards = null; // 404: the loop must go on without 悬赏 slides
      const before = (await seen(page)).length;
      await expect
        .poll(async () => (await seen(page)).length, { timeout: 12_000 })
        .toBeGreaterThan(before + 2);
      const all = await seen(page);
      expect(all.filter((s) => s.startsWith('reward'))).toEqual([]);
      expect(all).not.toContain('neutral');
    } finally {
      await page.close();
      await api.close();
    }
  });

  it('a poster that fails to load does not stop the loop: the next slides still show', async () => {
    api = await startFakeScreensApi(['A', 'B']);
    api.rewards = [
      { id: 'N1', listingId: 'A' },
      { id: 'N2', listingId: 'B' },
    ];
    api.brokenPosters = ['N1'];
    const page = await browser.newPage();
    try {
      await page.goto(`${api.url}/screen?interval=2&staleAfter=10&recheck=1&slides=stats,reward`);
      await recordSlides(page);
      await expect
        .poll(() => seen(page), { timeout: 15_000, interval: 200 })
        .toEqual(expect.arrayContaining(['stats:1', 'reward:2']));
      expect(await seen(page)).not.toContain('reward:1');
      const afterPoster = (await seen(page)).lastIndexOf('reward:2');
      await expect
        .poll(async () => (await seen(page)).slice(afterPoster + 1), { timeout: 10_000, interval: 200 })
        .toContain('stats:1');
    } finally {
      await page.close();
      await api.close();
    }
  });

  it('falls back to a pure-CSS neutral screen when even the neutral image is unavailable', async () => {
    api = await startFakeScreensApi(['A']);
    api.down = true;
    const page = await browser.newPage();
    try {
      await page.goto(
        `${api.url}/screen?interval=2&staleAfter=2&court=${encodeURIComponent('儋州市人民法院')}`,
      );
      await expect.poll(async () => (await state(page)).state, { timeout: 5000 }).toBe('css-neutral');
      expect(await page.textContent('#neutral-court')).toBe('儋州市人民法院');
      api.down = false;
      await expect.poll(async () => (await state(page)).state, { timeout: 6000 }).toBe('slide');
    } finally {
      await page.close();
      await api.close();
    }
  });
});
