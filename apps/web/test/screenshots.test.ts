/**
 * Screenshots of home, search and detail at phone and desktop widths, for people to look at
 * (CJK glyphs, layout). Saved to test-results/web/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WEB_ROOT } from '../scripts/build-site.ts';
import { DESKTOP, launchBrowser, openPage, PHONE } from './support/browser.ts';
import { testSnapshot } from './support/fixture.ts';
import { type RealApi, startRealApi } from './support/real-api.ts';
import { serveSite } from './support/site-server.ts';
import type { StaticServer } from './support/static-server.ts';

const OUT = join(WEB_ROOT, '../../test-results/web');
const { dist } = inject('webSite');
let browser: Browser;
let server: StaticServer;
let api: RealApi;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [browser, api] = await Promise.all([launchBrowser(), startRealApi()]);
  server = await serveSite(dist, api.api);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
});

const SHOTS = [
  { name: 'home', path: '/' },
  { name: 'search', path: '/search?q=%E7%8E%8B' },
  { name: 'detail', path: `/listings/${testSnapshot().listings.find((l) => l.kind === 'person')?.id}/` },
];

describe('screenshots', () => {
  for (const [label, viewport] of [
    ['390x844', PHONE],
    ['1366x900', DESKTOP],
  ] as const) {
    for (const shot of SHOTS) {
      it(`${shot.name} at ${label}`, async () => {
        const w = await openPage(browser, server.url, viewport);
        await w.page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
        if (shot.name === 'search') await w.page.locator('.card-list > li').first().waitFor();
        const file = join(OUT, `${shot.name}-${label}.png`);
        await w.page.screenshot({ path: file, fullPage: true });
        expect(w.foreignRequests).toEqual([]);
        await w.close();
      });
    }
  }
});
