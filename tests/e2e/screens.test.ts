import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningServer, startServer } from '../support/start-server.ts';
import {
  type BoardJson,
  CHROMIUM,
  kioskState,
  launchChromium,
  pngSize,
  saveScreenshot,
  slideName,
  stopServer,
  within,
} from './screens-kiosk.ts';

/**
 * The large-screen kiosk (`/screen`) in Debian's Chromium against the real server (`npm start`):
 * it loops the slides, drops a delisted person within 2 s, goes neutral when the API is gone
 * and resumes by itself when the server comes back. Screenshots: test-results/screens/.
 */
const TOKEN = 'e2e-screens-bootstrap-token-4f9a1c';
const STALE_AFTER_S = 6;
const LANDSCAPE = { width: 1920, height: 1080 };

describe.skipIf(!existsSync(CHROMIUM))('the /screen kiosk against the real server', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let kiosk: Page;
  let port: number;
  let removedId = '';
  const env = (dataDir?: string) => ({
    SITE_BUILD: '0',
    DEMO_RECORDS: '60',
    STAFF_BOOTSTRAP_TOKEN: TOKEN,
    PORT: String(port),
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  });
  const url = (path: string) => `${server?.url}${path.replace(/^\//, '')}`;
  const get = (path: string) => fetch(url(path));
  const board = async (query: string) =>
    (await (await get(`/api/v1/screens/board.json?${query}`)).json()) as BoardJson;
  /** every id on every page of the board (or of the 涉民生 board) */
  const allBoardIds = async (livelihood: boolean) => {
    const extra = livelihood ? '&livelihood=true' : '';
    const first = await board(`page=1${extra}`);
    const rest = await Promise.all(
      Array.from({ length: first.pages - 1 }, (_, i) => board(`page=${i + 2}${extra}`)),
    );
    return [first, ...rest].flatMap((b) => b.listingIds);
  };

  beforeAll(async () => {
    port = await freePort();
    server = await startServer(env());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, port);
  });

  it('serves every template as a PNG of its declared size', async () => {
    const first = (await board('page=1')).listingIds[0];
    expect(first, 'the demo data fills the board').toBeTruthy();
    const templates: [string, string, { width: number; height: number }][] = [
      ['board-landscape', '/api/v1/screens/board.png?page=1', LANDSCAPE],
      [
        'board-portrait',
        '/api/v1/screens/board.png?page=1&orientation=portrait',
        { width: 1080, height: 1920 },
      ],
      ['livelihood', '/api/v1/screens/livelihood.png?page=1', LANDSCAPE],
      ['stats', '/api/v1/screens/stats.png', LANDSCAPE],
      ['neutral', '/api/v1/screens/neutral.png', LANDSCAPE],
      ['share-card', `/api/v1/screens/cards/${first}.png`, { width: 1080, height: 1440 }],
    ];
    for (const [name, path, size] of templates) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      saveScreenshot(`api-${name}`, png);
      expect(pngSize(png), path).toEqual(size);
    }
  });

  it('loops the board, 涉民生 and statistics slides full-screen', async () => {
    kiosk = await (browser as Browser).newPage({ viewport: LANDSCAPE });
    await kiosk.goto(url(`/screen?interval=3&staleAfter=${STALE_AFTER_S}&recheck=1`));
    await within(15_000, 'first slide', async () => (await kioskState(kiosk)).state === 'slide');
    const shown = await kioskState(kiosk);
    expect(slideName(shown)).toBe('board:1');
    expect(shown.image).toBe('1920x1080');
    await kiosk.waitForTimeout(700); // the fade-in
    saveScreenshot('kiosk-board', await kiosk.screenshot());
    await within(10_000, 'next slide', async () => slideName(await kioskState(kiosk)) === 'board:2');

    // the other slide kinds, on a second screen that only rotates those
    const other = await (browser as Browser).newPage({ viewport: LANDSCAPE });
    try {
      await other.goto(url('/screen?interval=2&slides=livelihood,stats'));
      for (const name of ['livelihood:1', 'stats:1']) {
        await within(20_000, name, async () => slideName(await kioskState(other)) === name);
        await other.waitForTimeout(700); // the fade-in
        expect((await kioskState(other)).image, name).toBe('1920x1080');
        saveScreenshot(`kiosk-${name.replace(':1', '')}`, await other.screenshot());
      }
      const livelihood = await allBoardIds(true);
      await within(20_000, 'livelihood ids', async () => {
        const s = await kioskState(other);
        return s.slide === 'livelihood' && s.ids.length > 0 && s.ids.every((id) => livelihood.includes(id));
      });
    } finally {
      await other.close();
    }
  });

  it('takes a removed listing off the screen, board.json and its card within 2 s', async () => {
    await within(10_000, 'a board slide', async () => {
      const s = await kioskState(kiosk);
      return s.slide === 'board' && s.ids.length > 0;
    });
    const onScreen = await kioskState(kiosk);
    removedId = onScreen.ids[0] as string;
    expect((await get(`/api/v1/screens/cards/${removedId}.png`)).status).toBe(200);

    const res = await fetch(url(`/api/v1/admin/listings/${removedId}/remove`), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      // any demo listing: `revoked` applies to every category (art. 10 limits the others by category)
      body: JSON.stringify({ reason: 'revoked' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const removedAt = Date.now();

    await within(2000, 'gone from board.json', async () => !(await allBoardIds(false)).includes(removedId));
    await within(
      2000,
      'card answers 404',
      async () => (await get(`/api/v1/screens/cards/${removedId}.png`)).status === 404,
    );
    await within(2000, 'gone from the kiosk', async () => !(await kioskState(kiosk)).ids.includes(removedId));
    expect(Date.now() - removedAt, 'all three within 2 s of the removal').toBeLessThan(2000);
    expect(await allBoardIds(true)).not.toContain(removedId);
  });

  it('shows the neutral slide, not stale listings, once the API has been gone for staleAfter', async () => {
    expect((await kioskState(kiosk)).state).toBe('slide');
    const stoppedAt = Date.now();
    await stopServer(server as RunningServer, port);
    // enforced once a second, so at most staleAfter + 1 s after the last confirmation (+ slack)
    await within(STALE_AFTER_S * 1000 + 2500, 'neutral slide', async () => {
      return (await kioskState(kiosk)).state === 'neutral';
    });
    expect(Date.now() - stoppedAt).toBeLessThan(STALE_AFTER_S * 1000 + 2500);
    await kiosk.waitForTimeout(2000);
    const s = await kioskState(kiosk);
    expect(s.state, 'stays neutral while the API is down').toBe('neutral');
    expect(s.ids).toEqual([]);
    expect(s.image, 'the neutral slide is drawn, not a broken image').toBe('1920x1080');
    saveScreenshot('kiosk-neutral', await kiosk.screenshot());
  });

  it('resumes the loop when the server is back on the same port and data directory', async () => {
    const dataDir = (server as RunningServer).dataDir;
    server = await startServer(env(dataDir));
    await within(15_000, 'slides again', async () => (await kioskState(kiosk)).state === 'slide');
    const first = slideName(await kioskState(kiosk));
    await within(10_000, 'advancing again', async () => slideName(await kioskState(kiosk)) !== first);
    await kiosk.waitForTimeout(700);
    saveScreenshot('kiosk-recovered', await kiosk.screenshot());
    expect((await kioskState(kiosk)).ids).not.toContain(removedId);
    expect(await allBoardIds(false)).not.toContain(removedId);
    expect((await get(`/api/v1/screens/cards/${removedId}.png`)).status).toBe(404);
  });
});
