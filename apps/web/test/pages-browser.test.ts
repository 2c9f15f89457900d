/**
 * Every page type in Chromium, served statically with the site's security headers and no API
 * behind it (as during a rebuild, or on a static host).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, openPage } from './support/browser.ts';
import { XSS_IMG, XSS_SCRIPT } from './support/fixture.ts';
import { serveSite } from './support/site-server.ts';
import type { StaticServer } from './support/static-server.ts';

const { dist } = inject('webSite');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveSite(dist)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAGE_TYPES = [
  '/',
  '/search',
  '/search?q=%E7%8E%8B',
  '/listings/xss-person/',
  '/listings/xss-org/',
  '/notices/',
  '/notices/what-is-the-list/',
  '/stats/',
  '/corrections/?listing=xss-person',
  '/report/',
  '/removed/',
  '/no-such-page',
];

describe('every page type', () => {
  for (const path of PAGE_TYPES) {
    it(`${path} has no serious accessibility violation, CSP violation or third-party request`, async () => {
      const w = await openPage(browser, server.url);
      await w.page.goto(server.url + path, { waitUntil: 'networkidle' });
      expect(await seriousViolations(w.page)).toEqual([]);
      expect(w.cspViolations).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
      expect(await w.page.getAttribute('html', 'lang')).toBe('zh-CN');
      await w.close();
    });
  }
});

describe('search box on a 390 px phone', () => {
  // a cut-off placeholder ("姓名 / 单位名称 / 身份证号 /") hides what may be searched
  for (const path of ['/', '/search']) {
    it(`${path}: the placeholder fits the field`, async () => {
      const w = await openPage(browser, server.url);
      await w.page.goto(server.url + path, { waitUntil: 'networkidle' });
      const { text, room } = await w.page
        .locator('input[placeholder]')
        .first()
        .evaluate((el) => {
          const input = el as HTMLInputElement;
          const style = getComputedStyle(input);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = style.font;
          return {
            text: ctx.measureText(input.placeholder).width,
            room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
          };
        });
      expect(text).toBeLessThanOrEqual(room);
      await w.close();
    });
  }
});

describe('listing detail page', () => {
  it('shows the masked ID number and never a full one', async () => {
    const w = await openPage(browser, server.url);
    await w.page.goto(`${server.url}/listings/xss-person/`, { waitUntil: 'networkidle' });
    await expect(w.page.locator('#masked-id').textContent()).resolves.toBe('4604001980****1234');
    const text = (await w.page.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/);
    await w.close();
  });

  it('renders HTML and script payloads as text', async () => {
    const w = await openPage(browser, server.url);
    await w.page.goto(`${server.url}/listings/xss-person/`, { waitUntil: 'networkidle' });
    await expect(w.page.locator('h1#listing-title').textContent()).resolves.toContain(XSS_SCRIPT);
    await expect(w.page.locator('body').textContent()).resolves.toContain(XSS_IMG);
    expect(await w.page.locator('img[src="x"]').count()).toBe(0);
    await w.page.goto(`${server.url}/listings/xss-org/`, { waitUntil: 'networkidle' });
    await expect(w.page.locator('h1#listing-title').textContent()).resolves.toContain(XSS_IMG);
    await w.page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await expect(w.page.getByRole('link', { name: XSS_SCRIPT }).count()).resolves.toBeGreaterThan(0);
    expect(await w.page.locator('img[src="x"]').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    await w.close();
  });

  it('stays visible when the API cannot be reached', async () => {
    const w = await openPage(browser, server.url);
    await w.page.goto(`${server.url}/listings/xss-org/`, { waitUntil: 'networkidle' });
    expect(await w.page.locator('#listing-record').isVisible()).toBe(true);
    expect(await w.page.locator('#listing-gone').isVisible()).toBe(false);
    await w.close();
  });
});

describe('without the API', () => {
  it('the search page says so in zh-CN and offers a retry', async () => {
    const w = await openPage(browser, server.url);
    await w.page.goto(`${server.url}/search?q=%E7%8E%8B`, { waitUntil: 'networkidle' });
    const alert = w.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('服务暂时无法使用，请稍后再试。');
    await expect(w.page.getByRole('button', { name: '重试' }).count()).resolves.toBe(1);
    expect(await w.page.getByRole('status').textContent()).toBe('');
    await w.close();
  });

  it('the correction form checks fields in zh-CN and reports a failed submission', async () => {
    const w = await openPage(browser, server.url);
    const { page } = w;
    await page.goto(`${server.url}/corrections/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '提交纠正申请' }).click();
    await expect(page.locator('#c-listing-error').textContent()).resolves.toBe(
      '请填写要申请纠正的记录编号。',
    );
    await expect(page.locator('#c-phone-error').textContent()).resolves.toContain('请填写联系电话');
    expect(await page.locator('#c-phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#c-phone').getAttribute('aria-describedby')).toContain('c-phone-error');
    await page.fill('#c-listing', 'xss-person');
    await page.check('#c-grounds-inaccurate');
    await page.fill('#c-name', '张三');
    await page.fill('#c-phone', '138 0013 8000');
    await page.fill('#c-idnumber', '110105194912310021');
    await page.fill('#c-explanation', '案号中的金额与判决书不一致，请核对。');
    await page.getByRole('button', { name: '提交纠正申请' }).click();
    await expect(page.locator('#c-idnumber-error').textContent()).resolves.toBe(
      '身份证号码校验位不正确，请逐位核对。',
    );
    await page.fill('#c-idnumber', '');
    await page.getByRole('button', { name: '提交纠正申请' }).click();
    await page.getByRole('alert').getByText('服务暂时无法使用，请稍后再试。').waitFor();
    await w.close();
  });
});

describe('large-type mode', () => {
  it('is a toggle button whose choice persists across pages', async () => {
    const w = await openPage(browser, server.url, DESKTOP);
    const { page } = w;
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const toggle = page.locator('#large-type-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${server.url}/stats/`, { waitUntil: 'networkidle' });
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    expect(await page.locator('#large-type-toggle').getAttribute('aria-pressed')).toBe('true');
    await w.close();
  });
});
