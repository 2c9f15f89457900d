/**
 * The two staff features that had no screen, against the real server (PostgreSQL) in Debian's
 * Chromium at 1440×900: the 通知渠道 screen (a court admin sets, edits and removes each unit's
 * signed webhook and 企业微信 robot; the API's refusals — bad URL, private address, missing or
 * malformed secret — appear under their field; a target a receiver stopped with 410 Gone shows as
 * such and comes back when saved again; undelivered notifications are listed beside it), and the
 * 悬赏金 payments of the 悬赏 register (every refusal of the domain's rules, then a payment). The
 * keyboard alone works the channel form. axe on each state; no CSP violation, no foreign request.
 * Screenshots go to test-results/e2e-console-channels/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DatabaseHandle } from '@portal/db';
import { notifyDisabledTargets, tipNotifications } from '@portal/db/schema';
import { openPostgresTestDatabase, testDatabaseUrl } from '@portal/db/testing';
import { todayInChina } from '@portal/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlHashOf } from '../../apps/api/src/features/tips/notifications/target-resolution.ts';
import { createTipKeyring } from '../../apps/api/src/features/tips/tip-keyring.ts';
import {
  launchChromium,
  openWatchedPage,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { personDraft, staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-console-channels/', import.meta.url));
const TOKEN = 'e2e-console-channels-token-4b9e';
const CONTACT_KEY = 'e2e-channels-contact-key-5d21';
const PEPPER = 'e2e-channels-receipt-pepper-77a0';
const DESK = { width: 1440, height: 900 };
const ADMIN = { username: 'tongzhi.admin', password: 'Tongzhi-2017-ok', name: '通知管理员（演示）' };
const TIPSTER = { name: '演示举报人', phone: '13912345679' };
/** Public documentation addresses (RFC 5737): pass the SSRF guard without any name lookup. */
const WEBHOOK_URL = 'https://203.0.113.10/hooks/court-tips';
const ROBOT_URL = 'https://198.51.100.7/cgi-bin/webhook/send?key=demo-robot-key-0001';
const SECRET = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
const SSRF_REFUSAL = '通知地址无法解析或指向内网、本机地址，已拒绝（防止服务端请求伪造）。';
const pgUrl = testDatabaseUrl();

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** The accessible description of the focused element's field: its hint and its error. */
const invalidOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).getAttribute('aria-invalid');
const describedBy = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => {
    const doc = (
      el as unknown as { ownerDocument: { getElementById(id: string): { textContent: string } | null } }
    ).ownerDocument;
    const ids = (
      (el as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-describedby') ?? ''
    )
      .split(' ')
      .filter(Boolean);
    return ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
  });
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: {
          activeElement: {
            tagName: string;
            textContent: string;
            getAttribute(n: string): string | null;
          } | null;
        };
      }
    ).document.activeElement;
    return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent}` : '';
  });

describe.skipIf(!pgUrl)('console: notification channels and reward payments (PostgreSQL)', () => {
  let server: RunningServer;
  let browser: Browser;
  let database: DatabaseHandle & { databaseName: string };
  let view: DatabaseHandle;
  let watched: WatchedPage;
  const units: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    database = await openPostgresTestDatabase(pgUrl!);
    const url = new URL(pgUrl!);
    url.pathname = `/${database.databaseName}`;
    [server, browser] = await Promise.all([
      startServer({
        DATABASE_URL: url.toString(),
        DEMO_RECORDS: '0',
        SITE_BUILD: '0',
        RATE_LIMIT_PER_MIN: '0',
        STAFF_BOOTSTRAP_TOKEN: TOKEN,
        CONTACT_ENCRYPTION_KEY: CONTACT_KEY,
        TIP_RECEIPT_PEPPER: PEPPER,
      }),
      launchChromium(),
    ]);
    view = await createDatabase({ databaseUrl: url.toString(), maxConnections: 1 });
    const api = staffApi(server.url, TOKEN);
    units.a = (await api.call<{ id: string }>('POST', '/api/v1/admin/units', { name: '执行一组' })).id;
    units.b = (await api.call<{ id: string }>('POST', '/api/v1/admin/units', { name: '执行二组' })).id;
    await api.call('POST', '/api/v1/admin/staff', { ...ADMIN, role: 'court_admin', unitId: null });
    // a 悬赏 of 10% of what is recovered, and two claims of the same lead (a claim needs a name and phone)
    const listingId = await api.createPublished(personDraft(731, { name: '演示符悬赏', unitId: units.a }));
    const { id: rewardId } = await api.call<{ id: string }>('POST', '/api/v1/admin/rewards', {
      listingId,
      ratePercent: 10,
      conditions: ['提供被执行人可供执行的财产线索（演示数据）'],
      startsAt: todayInChina(),
      endsAt: '2099-12-31',
    });
    await api.call('POST', `/api/v1/admin/rewards/${rewardId}/publish`);
    for (const description of [
      '第一条申领线索：被执行人名下有一辆车（演示数据）。',
      '第二条申领线索：同一辆车停在小区地库（演示数据）。',
    ]) {
      const form = new FormData();
      form.set('listingId', listingId);
      form.set('rewardNoticeId', rewardId);
      form.set('kind', 'asset');
      form.set('description', description);
      form.set('contactName', TIPSTER.name);
      form.set('contactPhone', TIPSTER.phone);
      const res = await fetch(new URL('/api/v1/tips', server.url), { method: 'POST', body: form });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    // a notification of unit B that was never delivered: the worker's dead letter, as it stores one
    await view.db.insert(tipNotifications).values({
      id: 'msg_e2e_dead_0001',
      channel: 'webhook',
      unitId: units.b,
      event: 'tip.received',
      payload: { tipId: 'demo' },
      attempts: 8,
      deadAt: new Date(),
      lastError: 'receiver answered 503 Service Unavailable',
    });
    watched = await openWatchedPage(browser, server.url, DESK);
  }, 300_000);
  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await server?.stop();
    await view?.close();
    await database?.close();
    if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  const rowOf = (page: Page, unit: string, channel: string) =>
    page
      .getByRole('table', { name: '各执行单元的通知地址' })
      .getByRole('row')
      .filter({ hasText: unit })
      .filter({ hasText: channel });

  it('offers 通知渠道 to a court admin: every unit and channel, and the undelivered notifications', async () => {
    const { page } = watched;
    await page.goto(new URL('/console/', server.url).href);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => h1(page)).toBe('账号与执行单元');
    const nav = page.getByRole('navigation', { name: '工作台导航' });
    expect(await nav.getByRole('link').allTextContents()).toContain('通知渠道');
    await nav.getByRole('link', { name: '通知渠道' }).click();
    await poll(() => h1(page)).toBe('通知渠道');
    await poll(() => page.getByText('共 2 个执行单元').count()).toBe(1);
    const table = page.getByRole('table', { name: '各执行单元的通知地址' });
    expect(await table.getByRole('row').count()).toBe(5);
    expect(await table.getByText('未设置，使用全院默认地址').count()).toBe(4);
    expect(await page.getByText('未配置全院默认地址').count()).toBe(1);
    const dead = page.getByRole('table', { name: '投递失败的通知' });
    await poll(() => dead.getByRole('row').count()).toBe(2);
    const cells = await dead.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(1)).toEqual([
      '执行二组',
      '新线索通知',
      'Webhook',
      '8',
      'receiver answered 503 Service Unavailable',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'channels-empty');
  });

  it('sets a webhook with the keyboard alone, each refusal shown under its field in zh-CN', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '设置 执行一组 的签名回调（Webhook）地址' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: '设置通知地址：执行一组 · 签名回调（Webhook）' });
    await poll(() => focusedText(page)).toBe('H2:设置通知地址：执行一组 · 签名回调（Webhook）');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('INPUT:');
    const submitWith = async (key = 'Enter') => {
      await form.getByLabel('回调地址').focus();
      await page.keyboard.press(key);
    };
    await submitWith();
    await poll(() => describedBy(page, '回调地址')).toContain('请填写通知地址。');
    expect(await invalidOf(page, '回调地址')).toBe('true');

    await page.keyboard.type('ftp://203.0.113.10/hook');
    await submitWith();
    await poll(() => describedBy(page, '回调地址')).toContain(
      '通知地址应为 http:// 或 https:// 开头的网址。',
    );

    await form.getByLabel('回调地址').fill('');
    await page.keyboard.type('http://192.168.1.20/hook');
    await page.keyboard.press('Tab');
    await page.keyboard.type(SECRET);
    await submitWith();
    await poll(() => describedBy(page, '回调地址')).toContain(SSRF_REFUSAL);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'channels-ssrf-refused');

    await form.getByLabel('回调地址').fill(WEBHOOK_URL);
    await form.getByLabel('签名密钥（每行一个）').fill('');
    await submitWith();
    await poll(() => describedBy(page, '签名密钥（每行一个）')).toContain(
      '签名回调需要至少一个签名密钥（whsec_ 开头），接收方用它核验通知来自本院。',
    );
    expect(await invalidOf(page, '签名密钥（每行一个）')).toBe('true');
    expect(await invalidOf(page, '回调地址')).toBeNull();
    await form.getByLabel('签名密钥（每行一个）').fill('whsec_short');
    await submitWith();
    await poll(() => describedBy(page, '签名密钥（每行一个）')).toContain(
      '签名密钥应为 whsec_ 开头、至少 24 字节随机数的 base64。',
    );

    await form.getByLabel('签名密钥（每行一个）').fill(SECRET);
    await submitWith();
    await poll(() => page.getByRole('status').textContent()).toBe(
      '已保存执行一组的签名回调（Webhook）地址（https://203.0.113.10/…）。',
    );
    const row = rowOf(page, '执行一组', '签名回调');
    await poll(() => row.textContent()).toContain('https://203.0.113.10/…');
    expect(await row.textContent()).toContain('签名密钥 1 个');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('启用');
    // write-only: neither the path nor the secret comes back
    expect(await page.content()).not.toContain('court-tips');
    expect(await page.content()).not.toContain(SECRET);
  });

  it('sets a 企业微信 robot (no secret field) after refusing a bad URL and a loopback address; its key never shows', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '设置 执行一组 的企业微信群机器人地址' }).click();
    const form = page.getByRole('form', { name: '设置通知地址：执行一组 · 企业微信群机器人' });
    expect(await form.getByLabel('签名密钥（每行一个）').count()).toBe(0);
    await form.getByLabel('机器人地址').fill('not a url');
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => describedBy(page, '机器人地址')).toContain(
      '通知地址应为 http:// 或 https:// 开头的网址。',
    );
    await form.getByLabel('机器人地址').fill('http://127.0.0.1:8080/cgi-bin/webhook/send?key=x');
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => describedBy(page, '机器人地址')).toContain(SSRF_REFUSAL);
    await form.getByLabel('机器人地址').fill(ROBOT_URL);
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe(
      '已保存执行一组的企业微信群机器人地址（https://198.51.100.7/…）。',
    );
    await poll(() => rowOf(page, '执行一组', '企业微信').textContent()).toContain('https://198.51.100.7/…');
    expect(await page.content()).not.toContain('demo-robot-key');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a target stopped by a 410 Gone as such, and saving it again resumes it', async () => {
    const { page } = watched;
    // what the delivery worker records when the receiver answers 410 Gone
    const keyring = createTipKeyring([CONTACT_KEY], PEPPER);
    await view.db.insert(notifyDisabledTargets).values({
      urlHash: urlHashOf(keyring, WEBHOOK_URL),
      channel: 'webhook',
      unitId: units.a,
      reason: 'receiver answered 410 Gone',
      disabledAt: new Date('2026-11-02T01:30:00Z'),
    });
    await page.reload();
    await poll(() => h1(page)).toBe('通知渠道');
    const row = rowOf(page, '执行一组', '签名回调');
    await poll(() => row.textContent()).toContain('已停用');
    expect(await row.textContent()).toContain(
      '接收方答复 410 Gone，自 2026-11-02 09:30 起停止发送；重新保存该地址即恢复。',
    );
    expect(await rowOf(page, '执行一组', '企业微信').getByRole('cell').nth(3).textContent()).toBe('启用');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'channels-disabled-410');

    await page.getByRole('button', { name: '修改 执行一组 的签名回调（Webhook）地址' }).click();
    const form = page.getByRole('form', { name: '设置通知地址：执行一组 · 签名回调（Webhook）' });
    expect(await form.textContent()).toContain(
      '因接收方答复 410 Gone 自 2026-11-02 09:30 起停用；保存后恢复发送。',
    );
    await form.getByLabel('回调地址').fill(WEBHOOK_URL);
    await form.getByLabel('签名密钥（每行一个）').fill(SECRET);
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe(
      '已保存执行一组的签名回调（Webhook）地址（https://203.0.113.10/…），已恢复发送。',
    );
    await poll(() => row.getByRole('cell').nth(3).textContent()).toBe('启用');
  });

  it('removes a unit’s robot after a confirmation; the unit falls back to the court-wide target', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '删除 执行一组 的企业微信群机器人地址' }).click();
    const confirm = page.getByRole('region', { name: '确认删除通知地址' });
    expect(await confirm.textContent()).toContain('删除执行一组的企业微信群机器人地址？');
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await rowOf(page, '执行一组', '企业微信').textContent()).toContain('https://198.51.100.7/…');
    await page.getByRole('button', { name: '删除 执行一组 的企业微信群机器人地址' }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe(
      '已删除执行一组的企业微信群机器人地址，此后使用全院默认地址。',
    );
    await poll(() => rowOf(page, '执行一组', '企业微信').textContent()).toContain('未设置，使用全院默认地址');
    const left = await page.evaluate(async () => {
      const r = (await (await fetch('/api/v1/admin/notify-targets')).json()) as {
        items: { channel: string }[];
      };
      return r.items.map((t) => t.channel);
    });
    expect(left).toEqual(['webhook']);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'channels-saved');
    // at 1024 px the table scrolls inside its box, the page itself does not scroll sideways
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(1024);
    await shot(page, 'channels-1024');
    await page.setViewportSize(DESK);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('records a 悬赏金 payment on a claim, after showing each refusal of the rules in zh-CN', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '悬赏' }).click();
    await poll(() => h1(page)).toBe('悬赏');
    await page.getByRole('tab', { name: '已发布的公告' }).click();
    await page.getByRole('button', { name: '查看 演示符悬赏 的悬赏线索登记簿' }).click();
    const register = page.getByRole('table', { name: '悬赏线索登记簿' });
    await poll(() => register.getByRole('row').count()).toBe(3);
    expect(await register.getByRole('button', { name: /^登记发放 第 \d 号登记的悬赏金$/ }).count()).toBe(2);

    await page.getByRole('button', { name: '登记发放 第 1 号登记的悬赏金' }).click();
    const form = page.getByRole('form', { name: '登记悬赏金发放：第 1 号登记' });
    await poll(() => focusedText(page)).toBe('H2:登记悬赏金发放：第 1 号登记');
    const recovered = '因该线索执行到位的金额（元）';
    const pay = () => form.getByRole('button', { name: '登记发放' }).click();
    await pay();
    await poll(() => describedBy(page, recovered)).toContain('请填写因该线索执行到位的金额（元）。');
    await form.getByLabel(recovered).fill('1.234');
    await pay();
    await poll(() => describedBy(page, recovered)).toContain('金额最多保留两位小数（精确到分）。');
    await form.getByLabel(recovered).fill('20000');
    await pay();
    await poll(() => form.getByRole('alert').textContent()).toBe(
      '请确认该线索提供前法院是否已经掌握（第二十四条）。',
    );
    await form.getByLabel('法院此前已经掌握').check();
    await pay();
    await poll(() => form.getByRole('alert').textContent()).toBe('请确认举报人身份（第二十四条）。');
    await form.getByLabel('与案件无关的举报人').check();
    // the API's refusal: the court already knew the lead
    await pay();
    await poll(() => form.getByRole('alert').textContent()).toBe(
      '该线索法院已经掌握，不予发放（第二十四条）。',
    );
    await form.getByLabel('法院此前未掌握（新线索）').check();
    await form.getByLabel('申请执行人的代理人').check();
    expect(
      await form
        .getByText('按规定不予发放：提供线索的是申请执行人的代理人，不予发放（第二十四条）。')
        .count(),
    ).toBe(1);
    await pay();
    await poll(() => form.getByRole('alert').textContent()).toBe(
      '提供线索的是申请执行人的代理人，不予发放（第二十四条）。',
    );
    await form.getByLabel('有报告财产义务的人员').check();
    await pay();
    await poll(() => form.getByRole('alert').textContent()).toBe(
      '提供线索的是有义务向法院报告财产的人员，不予发放（第二十四条）。',
    );
    await form.getByLabel('与案件无关的举报人').check();
    await form.getByLabel(recovered).fill('0');
    await pay();
    await poll(() => form.getByRole('alert').textContent()).toBe('债权尚未因该线索得以实现（第二十四条）。');
    await form.getByLabel(recovered).fill('20000');
    await poll(() => form.getByText('按悬赏公告应发放 2,000.00 元。').count()).toBe(1);
    await form.getByLabel('发放日期').fill('2099-01-01');
    await pay();
    await poll(() => describedBy(page, '发放日期')).toContain('发放日期不能晚于今天。');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'reward-payment-refused');
    const today = todayInChina();
    await form.getByLabel('发放日期').fill(today);
    await form.getByLabel('备注（发放方式、凭证号等）').fill('银行转账，凭证号 DEMO-0001（演示数据）');
    await pay();
    await poll(() => page.getByRole('status').textContent()).toBe(
      `已登记向第 1 号登记的举报人发放悬赏金 2,000.00 元（${today}）。`,
    );
    const first = register.getByRole('row').nth(1);
    await poll(() => first.getByRole('cell').last().textContent()).toBe(
      `已发放 2,000.00 元${today}，执行到位 20,000.00 元`,
    );
    expect(await page.getByRole('button', { name: '登记发放 第 1 号登记的悬赏金' }).count()).toBe(0);

    // a later registration of the same lead: the earlier informant was paid (art. 23)
    await page.getByRole('button', { name: '登记发放 第 2 号登记的悬赏金' }).click();
    const second = page.getByRole('form', { name: '登记悬赏金发放：第 2 号登记' });
    await second.getByLabel(recovered).fill('20000');
    await second.getByLabel('法院此前未掌握（新线索）').check();
    await second.getByLabel('与案件无关的举报人').check();
    await second.getByLabel('在先提供相同线索的登记（如有）').selectOption('1');
    await second.getByRole('button', { name: '登记发放' }).click();
    await poll(() => second.getByRole('alert').textContent()).toBe(
      '第 1 号登记在先提供了相同线索，悬赏金应向在先提供者发放（第二十三条）。',
    );
    await second.getByRole('button', { name: '取消' }).click();
    expect(await page.getByRole('form', { name: /^登记悬赏金发放/ }).count()).toBe(0);
    expect(await page.getByText(TIPSTER.phone).count()).toBe(0);
    expect(await page.getByText(TIPSTER.name).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'reward-payment-paid');
    expect(watched.cspViolations).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
