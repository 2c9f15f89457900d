/**
 * What the tip-page browser tests share: Chromium at 390 px, the real API (`createApp()` on
 * PGlite via real-api.ts, holding the test site's listings), the built site, one 悬赏 notice
 * staff published, and helpers to act as staff, as the public and as a phone. What the form
 * sent is read off the browser's own requests (sent-tips.ts). Screenshots go to
 * test-results/web-tips/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tips } from '@portal/db/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { WEB_ROOT } from '../../scripts/build-site.ts';
import { launchBrowser, openPage, PHONE, type WatchedPage } from './browser.ts';
import { testSnapshot } from './fixture.ts';
import { type RealApi, startRealApi } from './real-api.ts';
import { serveSite } from './site-server.ts';
import type { StaticServer } from './static-server.ts';
import { makeJpeg } from './tip-photo.ts';

export const OUT = join(WEB_ROOT, '../../test-results/web-tips');
const { dist } = inject('webSite');
const { listings } = testSnapshot();
export const PERSON = listings.find((l) => l.kind === 'person' && l.id !== 'xss-person')!;
export const CLAIMED = listings.find((l) => l.kind === 'org' && l.id !== 'xss-org')!;
export const CREDITOR = '李某某（申请执行人）';
export const TERMS = '按实际执行到位金额的 10% 支付悬赏金';
export let browser: Browser;
export let server: StaticServer;
export let api: RealApi;
export let jpeg: Buffer;
export let noticeId: string;
const open: WatchedPage[] = [];

/** A call to the real API as staff (the test runtime's court admin) or as the public. */
export async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const res = await api.runtime.request(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    ...(init.token ? { token: init.token } : {}),
    ...(init.body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
export const storedTips = () => api.runtime.rt.deps.db.$count(tips);
/** The tips the API receives from now on, as sent. */
export function sentFrom() {
  const start = api.sentTips.length;
  return { settled: async () => api.sentTips.slice(start) };
}

/**
 * Starts Chromium, the real API (with one published 悬赏 notice on CLAIMED) and the built site
 * for the calling test file, and closes them after it.
 */
export function setUpTipPages(): void {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [browser, api] = await Promise.all([launchBrowser(), startRealApi()]);
    server = await serveSite(dist, api.api);
    jpeg = await makeJpeg(browser);
    // a 悬赏 notice as staff record and publish it (arts. 21–22); a natural person applied
    const created = await call('/api/v1/admin/rewards', {
      token: 'admin',
      body: {
        listingId: CLAIMED.id,
        ratePercent: 10,
        conditions: ['提供被执行人可供执行的财产线索，经查证属实并执行到位的。'],
        startsAt: '2026-01-01',
        endsAt: '2099-12-31',
        applicantName: CREDITOR,
        applicantKind: 'person',
      },
    });
    if (created.status !== 201) throw new Error(`notice not created: ${JSON.stringify(created.body)}`);
    noticeId = created.body.id as string;
    const published = await call(`/api/v1/admin/rewards/${noticeId}/publish`, { token: 'admin', body: {} });
    if (published.status !== 200) throw new Error(`notice not published: ${JSON.stringify(published.body)}`);
  });
  afterAll(async () => {
    await Promise.all(open.map((w) => w.close()));
    await browser?.close();
    await server?.close();
    await api?.close();
  });
}

/**
 * Spends this client's hourly budget of `bucket` (tips or look-ups) with one request from the
 * same address, so the next one the page sends meets the server's real 429 and Retry-After.
 */
export async function spendBudget(bucket: 'tip' | 'lookup'): Promise<() => void> {
  const services = api.runtime.rt.deps.tips;
  const field = bucket === 'tip' ? 'tipsPerHour' : 'lookupsPerHour';
  services[field] = 1;
  const path = bucket === 'tip' ? '/api/v1/tips' : '/api/v1/tips/lookup';
  // a tip the server refuses gives its token back, so the budget is spent by one it stores
  const body =
    bucket === 'tip'
      ? { listingId: PERSON.id, kind: 'other', description: '（测试）用掉本小时的举报次数。' }
      : {};
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(bucket === 'tip' ? 201 : 400);
  return () => {
    services[field] = 0;
  };
}

export async function phone(path: string): Promise<WatchedPage> {
  const w = await openPage(browser, server.url, PHONE);
  open.push(w);
  await w.page.goto(server.url + path, { waitUntil: 'networkidle' });
  return w;
}
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
export const photo = (name = 'car.jpg') => ({ name, mimeType: 'image/jpeg', buffer: jpeg });

export async function fillValidTip(page: Page) {
  await page.check('#t-kind-asset');
  await page.check('#t-asset-vehicle');
  await page.fill('#t-description', '他每天开一辆白色越野车到那大镇人民大道的店里，车牌 琼C·12345。');
  await page.fill('#t-place', '儋州市那大镇人民大道');
}
