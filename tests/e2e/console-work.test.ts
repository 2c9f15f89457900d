/**
 * The console's work screens as court staff use them, against the real server in Debian's
 * Chromium at 1440×900 (and 1024 px): import a CSV with one bad row and see it reported by row,
 * publish the created drafts, remove one with a reason its category allows (and see the API's
 * refusal when someone else removed it first), decide a correction request.
 * Screenshots go to test-results/e2e-console/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idNumberCheckChar, removalReasonsFor, todayInChina } from '@portal/domain';
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

const idFor = (birth: string, seq = '123') => {
  const first17 = `460103${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
};
const HEADER =
  '被执行人姓名/名称,身份证号码/组织机构代码,案号,执行法院,立案时间,做出执行依据单位,执行依据文号,生效法律文书确定的义务,被执行人的履行情况,失信被执行人行为具体情形,未履行金额（元）,涉民生,地区';
const row = (name: string, id: string, caseNo: string) =>
  `${name},${id},${caseNo},儋州市人民法院,2017年7月18日,儋州市人民法院,（2017）琼9003民初1号,支付工资,全部未履行,有履行能力而拒不履行生效法律文书确定义务,"12,345.60",是,儋州市`;
/** Spreadsheet row 3 (the second data row) has an ID number and a case number that cannot be right. */
const CSV = `\uFEFF${[
  HEADER,
  row('演示符大海', idFor('19750303'), '（2017）琼9003执2001号'),
  row('演示坏行', '123', '2017琼9003执2002'),
  row('演示王二', idFor('19820202'), '（2017）琼9003执2003号'),
  row('演示陈三', idFor('19800101'), '（2017）琼9003执2004号'),
].join('\r\n')}\r\n`;

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
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('console work screens on the real server', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openWatchedPage(browser, server.url, DESK);
  });
  afterAll(() => watched?.close());

  it('signs a court admin in and offers the work screens in the navigation', async () => {
    const { page } = watched;
    // without an icon of its own the browser asks for /favicon.ico: a 404 in the console each visit
    // (Playwright reports no request event for the icon, only the console's "Failed to load")
    const faviconIco: string[] = [];
    page.on('console', (msg) => {
      const url = msg.location().url;
      if (url && new URL(url).pathname === '/favicon.ico') faviconIco.push(msg.text());
    });
    await page.goto(new URL('/console/', server.url).href);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/console/favicon.svg');
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => h1(page)).toBe('账号与执行单元');
    const nav = page.getByRole('navigation', { name: '工作台导航' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      '名单',
      '导入',
      '纠正申请',
      '举报线索',
      '悬赏',
      '专项行动',
      '审计日志',
      '账号与执行单元',
      '通知渠道',
      '媒体素材',
    ]);
    expect(faviconIco).toEqual([]);
  });

  it('imports a CSV with one bad row: the row is reported by spreadsheet row and field, the rest become drafts', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '导入' }).click();
    await poll(() => h1(page)).toBe('导入');
    await page.getByRole('button', { name: '导入' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('请选择要导入的 CSV 文件');

    await page.getByLabel('CSV 文件').setInputFiles({
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByRole('button', { name: '导入' }).click();
    // one row with two bad cells: counted once as a row, both problems listed
    await poll(() => page.getByText('已新建 3 条草稿，1 行被拒绝（共 2 处问题）。').count()).toBe(1);
    const rejected = page.getByRole('table', { name: '被拒绝的行' }).getByRole('row');
    expect(await rejected.count()).toBe(3); // header + the bad row's two problems
    const problems = await Promise.all(
      [1, 2].map((i) => rejected.nth(i).getByRole('cell').allTextContents()),
    );
    expect(problems.map((cells) => cells[0])).toEqual(['第 3 行', '第 3 行']);
    expect(problems.map((cells) => cells[1]).sort()).toEqual(['案号', '身份证号码'].sort());
    for (const cells of problems) expect(cells[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'import');
  });

  it('re-imports the fixed row alone: it becomes a draft too', async () => {
    const { page } = watched;
    await page.getByLabel('CSV 文件').setInputFiles({
      name: '名单-改正.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\r\n${row('演示坏行', idFor('19660606'), '（2017）琼9003执2002号')}\r\n`,
        'utf8',
      ),
    });
    // a slow network: the upload shows its progress bar until the answer arrives
    const slow = '**/api/v1/admin/listings/import';
    await page.route(slow, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole('button', { name: '导入' }).click();
    await poll(() => page.getByRole('progressbar', { name: '导入进度' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    await poll(() => page.getByText('已新建 1 条草稿，没有被拒绝的行').count()).toBe(1);
    await page.unroute(slow);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('table', { name: '被拒绝的行' }).count()).toBe(0);
  });

  it('publishes the created drafts from the 名单 screen, with the tabs usable from the keyboard', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '到“名单”的草稿中审核并发布' }).click();
    await poll(() => h1(page)).toBe('名单');
    expect(await page.getByRole('tab', { name: '草稿' }).getAttribute('aria-selected')).toBe('true');
    await poll(() => page.getByRole('button', { name: /^发布 / }).count()).toBe(4);
    await shot(page, 'listings-drafts');

    for (const name of ['演示符大海', '演示王二', '演示陈三']) {
      await page.getByRole('button', { name: new RegExp(`^发布 ${name}`) }).click();
      await poll(() => page.getByRole('status').textContent()).toContain(`已发布“${name}”`);
    }
    await poll(() => page.getByText('共 1 条，第 1 / 1 页').count()).toBe(1);

    // keyboard: the selected tab is in the Tab order, arrow keys move to the next tab
    await page.getByRole('tab', { name: '草稿' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: '已发布' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(':focus').textContent()).toBe('已发布');
    await poll(() => page.getByRole('button', { name: /^删除 / }).count()).toBe(3);
    // category 1 has no fixed term: the table says so instead of a date
    expect(await page.getByRole('cell', { name: '无固定期限' }).count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'listings-published');

    // the site's filters find a listing in the tab: a name fragment, then cleared again
    await page.getByLabel('查询').fill('王二');
    await page.getByRole('button', { name: '查找' }).click();
    await poll(() => page.getByRole('button', { name: /^删除 / }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^删除 演示王二/ }).count()).toBe(1);
    await page.getByRole('button', { name: '清除' }).click();
    await poll(() => page.getByRole('button', { name: /^删除 / }).count()).toBe(3);
  });

  it('offers only the removal reasons of the listing’s category and shows the API’s refusal in zh-CN', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: /^删除 演示符大海/ }).click();
    const form = page.getByRole('form', { name: /^删除：演示符大海/ });
    await poll(() => form.count()).toBe(1);
    // focus moves into the form for keyboard and screen-reader users
    expect(
      await page.locator(':focus').evaluate((el) => (el as unknown as { tagName: string }).tagName),
    ).toBe('H2');
    const offered = await form
      .getByLabel('删除事由', { exact: true })
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    expect(offered).toEqual(removalReasonsFor(1).map((r) => r.code));
    expect(offered).not.toContain('expired');
    expect(await form.getByLabel('删除事由发生日期').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await form.getByText(/应于 \d{4}-\d{2}-\d{2} 前（3 个工作日内）删除/).count()).toBe(1);

    await form.getByRole('button', { name: '确认删除' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请选择删除事由。');

    // a removal on a creditor's written request names that creditor (art. 10 ¶1 (三), ¶4)
    const creditor = form.getByLabel('书面申请删除的申请执行人');
    expect(await creditor.count()).toBe(0);
    await form.getByLabel('删除事由', { exact: true }).selectOption('withdrawn');
    await creditor.fill('');
    await form.getByRole('button', { name: '确认删除' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请填写书面申请删除的申请执行人。');

    // another staff member removes it first: the API refuses the second removal
    await form.getByLabel('删除事由', { exact: true }).selectOption('performed');
    const status = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/admin/listings?status=published')).json()) as {
        items: { id: string; name: string }[];
      };
      const target = list.items.find((l) => l.name === '演示符大海')!;
      const res = await fetch(`/api/v1/admin/listings/${target.id}/remove`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'settled' }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await form.getByRole('button', { name: '确认删除' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('该信息已经删除。');
    // the list is reloaded: the listing someone else removed is no longer offered
    await poll(() => page.getByRole('button', { name: /^删除 / }).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'listings-remove-refused');
    await form.getByRole('button', { name: '取消' }).click();
  });

  it('removes a published listing with a reason and an event date; it shows under 已删除 with the reason', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: /^删除 演示王二/ }).click();
    const form = page.getByRole('form', { name: /^删除：演示王二/ });
    await form.getByLabel('删除事由', { exact: true }).selectOption('performed');
    await form.getByLabel('删除事由发生日期').fill('2025-06-03');
    expect(await form.getByText('应于 2025-06-06 前（3 个工作日内）删除。').count()).toBe(1);
    await form.getByRole('button', { name: '确认删除' }).click();
    await poll(() => page.getByRole('status').textContent()).toContain('已删除“演示王二”');
    // the event date was 2025-06-03: its three working days ended on 2025-06-06, long before today
    expect(await page.getByRole('status').textContent()).toContain('删除时限 2025-06-06，已超过时限。');
    await poll(() => page.getByRole('button', { name: /^删除 / }).count()).toBe(1);

    await page.getByRole('tab', { name: '已删除' }).click();
    await poll(() => page.getByRole('row', { name: /演示王二/ }).textContent()).toContain(
      '被执行人已履行生效法律文书确定的义务',
    );
    // the art. 10 clock the API recorded: from the event date given in the form, missed
    expect(await page.getByRole('row', { name: /演示王二/ }).textContent()).toContain(
      '事由发生 2025-06-03，时限 2025-06-06，逾期删除',
    );
    // removed by someone else without an event date: the clock runs from today, and was met
    const other = await page.getByRole('row', { name: /演示符大海/ }).textContent();
    // the removal day is the court's (China) date, not the UTC date of the timestamp
    expect(other).toContain(`${todayInChina()}：当事人达成执行和解协议`);
    expect(other).toContain('按时删除');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'listings-removed');
  });

  it('shows a correction request with its 15-day review clock and records the decision', async () => {
    const { page } = watched;
    const listingId = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/admin/listings?status=published')).json()) as {
        items: { id: string; name: string }[];
      };
      return list.items[0]!.id;
    });
    const res = await fetch(new URL('/api/v1/corrections', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        listingId,
        grounds: 'inaccurate',
        requesterName: '演示申请人',
        requesterPhone: '13800138000',
        explanation: '未履行金额记载有误，实际已部分履行（演示数据）。',
      }),
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { receiptCode: string; reviewDeadline: string };

    await page.getByRole('link', { name: '纠正申请' }).click();
    await poll(() => h1(page)).toBe('纠正申请');
    const line = page.getByRole('row', { name: new RegExp(receipt.receiptCode) });
    await poll(() => line.textContent()).toMatch(new RegExp(`${receipt.reviewDeadline}（剩 \\d+ 日）`));
    // the requester's contact is not in the queue, only in the decision panel
    expect(await page.getByText('13800138000').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'corrections');

    await line.getByRole('button', { name: `审查 ${receipt.receiptCode}` }).click();
    const form = page.getByRole('form', { name: `审查：${receipt.receiptCode}` });
    await poll(() => form.getByText('演示申请人，13800138000').count()).toBe(1);
    await form.getByRole('button', { name: '提交结论' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请选择审查结论。');
    await form.getByLabel('予以纠正（3 个工作日内完成）').check();
    await form.getByLabel('审查理由').fill('经核对执行案卷，未履行金额记载有误，予以纠正。');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'corrections-decision');
    await form.getByRole('button', { name: '提交结论' }).click();
    await poll(() => page.getByRole('status').textContent()).toMatch(
      new RegExp(`已决定予以纠正（${receipt.receiptCode}），应于 \\d{4}-\\d{2}-\\d{2} 前完成纠正`),
    );
    await poll(() => page.getByText('没有申请。').count()).toBe(1);
    await page.getByRole('tab', { name: '予以纠正' }).click();
    const accepted = page.getByRole('row', { name: new RegExp(receipt.receiptCode) });
    await poll(() => accepted.count()).toBe(1);
    // art. 12: the fix is recorded against the 3-working-day clock
    await accepted.getByRole('button', { name: `记录 ${receipt.receiptCode} 已完成纠正` }).click();
    await poll(() => page.getByRole('status').textContent()).toContain('完成纠正（在期限内）');
    await poll(() =>
      page.getByRole('row', { name: new RegExp(receipt.receiptCode) }).textContent(),
    ).toContain('（按时）');
    expect(watched.cspViolations).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });

  it('shows a unit member only the work screens and only its own unit’s listings', async () => {
    const { page } = watched;
    // the court admin (signed in above) creates a unit and its clerk through the staff API
    const created = await page.evaluate(async () => {
      const post = (path: string, body: unknown) =>
        fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const unit = (await (await post('/api/v1/admin/units', { name: '执行五组' })).json()) as { id: string };
      const staff = await post('/api/v1/admin/staff', {
        username: 'wuzu.clerk',
        name: '五组书记员',
        password: 'Wuzu-clerk-2017',
        role: 'unit_member',
        unitId: unit.id,
      });
      return staff.status;
    });
    expect(created).toBe(201);

    const member = await openWatchedPage(browser, server.url, DESK);
    try {
      const p = member.page;
      await p.goto(new URL('/console/', server.url).href);
      await p.getByLabel('用户名').fill('wuzu.clerk');
      await p.getByLabel('密码', { exact: true }).fill('Wuzu-clerk-2017');
      await p.getByRole('button', { name: '登录' }).click();
      await poll(() => h1(p)).toBe('名单');
      const nav = p.getByRole('navigation', { name: '工作台导航' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        '名单',
        '导入',
        '纠正申请',
        '举报线索',
        '悬赏',
        '专项行动',
      ]);
      await p.getByRole('tab', { name: '已发布' }).click();
      // the court's listings (no unit) are published, yet none is this unit's
      await poll(() => p.getByText('共 0 条，第 1 / 1 页').count()).toBe(1);
      expect(await p.getByRole('cell', { name: '演示陈三' }).count()).toBe(0);

      await p.getByRole('link', { name: '导入' }).click();
      await p.getByLabel('CSV 文件').setInputFiles({
        name: '五组.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `${HEADER}\r\n${row('演示五组案', idFor('19700505'), '（2017）琼9003执2005号')}\r\n`,
          'utf8',
        ),
      });
      await p.getByRole('button', { name: '导入' }).click();
      await poll(() => p.getByText('已新建 1 条草稿，没有被拒绝的行').count()).toBe(1);
      await p.getByRole('link', { name: '名单', exact: true }).click();
      await poll(() => p.getByRole('button', { name: /^发布 演示五组案/ }).count()).toBe(1);
      expect(await p.getByRole('button', { name: /^发布 / }).count()).toBe(1);
      expect(await seriousViolations(p)).toEqual([]);
      await shot(p, 'listings-unit-member');
      expect(member.cspViolations).toEqual([]);
    } finally {
      await member.close();
    }
  });

  it('pages through more drafts than fit on one page', async () => {
    const { page } = watched;
    const rows = Array.from({ length: 50 }, (_, i) =>
      row(`演示批量${i + 1}`, idFor('19700101', String(200 + i)), `（2017）琼9003执${3001 + i}号`),
    );
    const status = await page.evaluate(
      async (csv) => {
        const res = await fetch('/api/v1/admin/listings/import', {
          method: 'POST',
          headers: { 'Content-Type': 'text/csv' },
          body: csv,
        });
        return ((await res.json()) as { created: number }).created;
      },
      `${HEADER}\r\n${rows.join('\r\n')}\r\n`,
    );
    expect(status).toBe(50);
    await page.getByRole('link', { name: '名单', exact: true }).click();
    await page.getByRole('tab', { name: '草稿' }).click();
    await poll(() => page.getByText('共 52 条，第 1 / 2 页').count()).toBe(1);
    expect(await page.getByRole('button', { name: '上一页' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => page.getByText('共 52 条，第 2 / 2 页').count()).toBe(1);
    // the court admin sees every unit's drafts: the fixed row, the unit's own one, 50 new
    expect(await page.getByRole('button', { name: /^发布 / }).count()).toBe(2);
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
  });

  it('stays usable at 1024 px: no sideways scrolling of the page', async () => {
    const { page } = watched;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('link', { name: '名单' }).click();
    await poll(() => h1(page)).toBe('名单');
    await page.getByRole('tab', { name: '已删除' }).click();
    await poll(() => page.getByRole('row', { name: /演示王二/ }).count()).toBe(1);
    const scrollWidth = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(scrollWidth).toBeLessThanOrEqual(1024);
    await shot(page, 'listings-1024');
    await page.setViewportSize(DESK);
  });

  it('offers the import template, which imports as downloaded: its example row becomes a draft', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '导入' }).click();
    await poll(() => h1(page)).toBe('导入');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载填写模板（CSV）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('失信名单导入模板.csv');
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFF类型,姓名\/名称,身份证号码/);
    await page.getByLabel('CSV 文件').setInputFiles(file);
    await page.getByRole('button', { name: '导入' }).click();
    await poll(() => page.getByText('已新建 1 条草稿，没有被拒绝的行').count()).toBe(1);
  });
});
