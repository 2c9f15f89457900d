import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../support/start-server.ts';

/** Helpers for screens.test.ts: Debian's Chromium, the kiosk's state and saved screenshots. */

export { CHROMIUM_PATH as CHROMIUM } from '../support/chromium.ts';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));

export { launchChromium } from '../support/chromium.ts';

export interface KioskState {
  state: string;
  slide: string;
  page: string;
  ids: string[];
  /** natural size of the image on stage, `0x0` when it is missing or broken */
  image: string;
}

/** The kiosk's state attributes on `<body>` (evaluated as a string: this file has no DOM types). */
export async function kioskState(page: Page): Promise<KioskState> {
  const d = (await page.evaluate(
    `({ ...document.body.dataset, image: (i => i && i.complete ? i.naturalWidth + 'x' + i.naturalHeight : '0x0')(document.querySelector('#stage img')) })`,
  )) as Record<string, string | undefined>;
  return {
    state: d.state ?? '',
    slide: d.slide ?? '',
    page: d.page ?? '',
    ids: d.ids ? d.ids.split(',') : [],
    image: d.image ?? '0x0',
  };
}

/** `board:2`, `stats:1` while a slide is up, else the state (`neutral`, `starting`…). */
export const slideName = (s: KioskState) => (s.state === 'slide' ? `${s.slide}:${s.page}` : s.state);

/** Writes a PNG under test-results/screens/ for a human to look at; returns the path. */
export function saveScreenshot(name: string, png: Buffer | Uint8Array): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  writeFileSync(file, png);
  return file;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 1, 4) !== 'PNG' || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface BoardJson {
  page: number;
  pages: number;
  listingIds: string[];
}

/** Polls `check` every 100 ms until it returns true; resolves with the elapsed ms, or throws. */
export async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The API process that `startServer` launched for this port and data directory (its environment says so). */
function serverProcess(port: number, dataDir: string): { pid: number; npmPid: number } | undefined {
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      // `node apps/api/src/main.ts` itself, not the `sh -c "… && node apps/api/src/main.ts"` above it
      if (!readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes('apps/api/src/main.ts')) continue;
      const env = readFileSync(`/proc/${d}/environ`, 'utf8').split('\0');
      if (!env.includes(`PORT=${port}`) || !env.includes(`DATA_DIR=${dataDir}`)) continue;
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      return { pid: Number(d), npmPid: pgid }; // startServer runs `npm start` as a group leader
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/**
 * Stops the server the way an operator does: SIGTERM to the API process, which shuts down and
 * exits 0, and `npm start` with it. (`RunningServer.stop()` signals npm's whole group, and npm
 * dying by a signal leaves its exitCode null, so stop()'s SIGKILL fallback fires 10 s later on a
 * group that is gone and throws ESRCH in the test process.)
 */
export async function stopServer(server: RunningServer, port: number): Promise<void> {
  const proc = serverProcess(port, server.dataDir);
  if (proc) {
    process.kill(proc.pid, 'SIGTERM');
    await within(30_000, 'server exit', async () => !existsSync(`/proc/${proc.npmPid}`));
    await new Promise((r) => setTimeout(r, 300)); // let the 'exit' event reach startServer
  }
  await server.stop();
}
