/**
 * The staff console as court staff use it, against the real server (`npm start`) in Debian's
 * Chromium at a 1440×900 desk screen: sign in, manage units and accounts, sign out.
 * Screenshots go to test-results/e2e-console/.
 * The work screens are driven in console-work.test.ts (名单, 导入, 纠正申请), console-tips.test.ts
 * (举报线索, 身份查看审批, 悬赏), console-campaign.test.ts (专项行动, report, 审计日志) and
 * console-media.test.ts (媒体素材).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openWatchedPage,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-console/', import.meta.url));
const ADMIN = { username: 'court.admin', password: 'Zhixing-2017-ok' };
const DESK = { width: 1440, height: 900 };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({
      DEMO_RECORDS: '0',
      SITE_BUILD: '0',
      STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
    }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Sign-in runs scrypt on a shared 2-core machine: allow seconds, not the default one. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function signIn(page: Page, username: string, password: string) {
  await page.goto(new URL('/console/', server.url).href);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('staff console on the real server', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openWatchedPage(browser, server.url, DESK);
  });
  afterAll(() => watched?.close());

  it('opens on the sign-in page without a failed request, refuses a wrong password with a zh-CN message, and passes axe', async () => {
    const { page } = watched;
    // a signed-out first visit must not show up as a failed (4xx) request in the browser's console
    const failed: string[] = [];
    const onResponse = (r: { status: () => number; url: () => string }) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    };
    page.on('response', onResponse);
    await page.goto(new URL('/console/', server.url).href);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('工作人员登录');
    page.off('response', onResponse);
    expect(failed).toEqual([]);
    await signIn(page, ADMIN.username, 'not-the-password');
    await poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码不正确');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'login-error');
  });

  it('signs a court admin in, creates an execution unit and a unit member, and lists them', async () => {
    const { page } = watched;
    await signIn(page, ADMIN.username, ADMIN.password);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('账号与执行单元');
    await page.getByRole('form', { name: '新建执行单元' }).getByLabel('名称').fill('执行三组');
    await page.getByRole('form', { name: '新建执行单元' }).getByRole('button', { name: '新建' }).click();
    await poll(() => page.getByRole('cell', { name: '执行三组' }).count()).toBe(1);

    const form = page.getByRole('form', { name: '新建工作人员账号' });
    // two faulty fields are reported together, each also beside its field
    await form.getByLabel('用户名').fill('三组');
    await form.getByLabel('姓名').fill('名'.repeat(41));
    await form.getByLabel('初始密码').fill('Sanzu-clerk-2017');
    await form.getByRole('button', { name: '新建账号' }).click();
    await poll(() => form.getByRole('alert').locator('li').allTextContents()).toEqual([
      '用户名为 3–32 位小写字母、数字、点、下划线或连字符。',
      '姓名最多 40 个字符。',
    ]);
    expect(await form.getByLabel('姓名').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('姓名').fill('');
    await form.getByLabel('用户名').fill('sanzu.clerk');
    await form.getByLabel('姓名').fill('三组书记员');
    await form.getByLabel('初始密码').fill('short');
    await form.getByLabel('执行单元').selectOption({ label: '执行三组' });
    await form.getByRole('button', { name: '新建账号' }).click();
    await poll(() => form.getByRole('alert').textContent()).toContain('至少');

    await form.getByLabel('初始密码').fill('Sanzu-clerk-2017');
    await form.getByRole('button', { name: '新建账号' }).click();
    await poll(() => page.getByRole('cell', { name: 'sanzu.clerk' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'accounts');
    expect(watched.cspViolations).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('signs out: the session cookie no longer opens the staff API', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '退出登录' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('工作人员登录');
    const me = await page.evaluate(async () => (await fetch('/api/v1/admin/me')).status);
    expect(me).toBe(401);
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toEqual({ staff: null });
  });

  it('keeps the session cookie away from scripts (HttpOnly) and serves the console with the strict CSP', async () => {
    const res = await fetch(new URL('/console/', server.url));
    expect(res.status).toBe(200);
    const icon = await fetch(new URL('/console/favicon.svg', server.url));
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).not.toMatch(/<script>(?!<\/script>)/);
    const { page } = watched;
    await signIn(page, ADMIN.username, ADMIN.password);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('账号与执行单元');
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie),
    ).not.toContain('portal_session');
  });
});
