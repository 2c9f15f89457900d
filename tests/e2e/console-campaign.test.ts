/**
 * The campaign and audit screens of the console against the real server (PostgreSQL) in Debian's
 * Chromium at 1440×900: the 专项行动 dashboard for the 2017 campaign period seeded with known
 * listings, tips, removals and corrections; a CSV export (BOM, formula cells neutralised); the
 * printable report, whose figures are compared with counts taken from the database itself and
 * whose print layout is A4; the 审计日志 screen with the chain's verification. axe on each screen;
 * screenshots in test-results/e2e-console-campaign/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DatabaseHandle } from '@portal/db';
import { courts, executionUnits } from '@portal/db/schema';
import { openPostgresTestDatabase, testDatabaseUrl } from '@portal/db/testing';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAMPAIGN_PERIOD,
  seedCampaignPeriod,
} from '../../apps/api/src/features/campaign/campaign-fixture.ts';
import {
  launchChromium,
  openWatchedPage,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-console-campaign/', import.meta.url));
const ADMIN = { username: 'court.admin', password: 'Zhixing-2017-ok' };
const DESK = { width: 1440, height: 900 };
/** A unit whose name a spreadsheet would run as a formula, were it not neutralised. */
const FORMULA_UNIT = '=1+1演示组';
const pgUrl = testDatabaseUrl();

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** Cells of the row whose header cell reads `rowName`, in the table labelled `table`. */
async function rowCells(page: Page, table: string, rowName: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  return row.getByRole('cell').allTextContents();
}
const asNumber = (text: string | undefined) => Number((text ?? '').replace(/[,，¥\s]/g, ''));

describe.skipIf(!pgUrl)('console campaign and audit screens on the real server (PostgreSQL)', () => {
  let server: RunningServer;
  let browser: Browser;
  let database: DatabaseHandle & { databaseName: string };
  let view: DatabaseHandle;
  let watched: WatchedPage;
  const span = {
    start: new Date(`${CAMPAIGN_PERIOD.from}T00:00:00+08:00`),
    end: new Date('2017-09-19T00:00:00+08:00'),
  };

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
        STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
      }),
      launchChromium(),
    ]);
    // the server created the court with its bootstrap admin; the units and the period go in beside it
    view = await createDatabase({ databaseUrl: url.toString(), maxConnections: 1 });
    const [court] = await view.db.select({ id: courts.id }).from(courts).limit(1);
    const unit = (id: string, name: string) => ({
      id,
      courtId: court!.id,
      name,
      judge: '演示法官',
      assistant: '演示助理',
      clerk: '演示书记员',
      bailiff: '演示法警',
    });
    await view.db
      .insert(executionUnits)
      .values([unit('U-A', '执行一组'), unit('U-B', '执行二组'), unit('U-C', FORMULA_UNIT)]);
    await seedCampaignPeriod(view.db, { a: 'U-A', b: 'U-B', staffId: 'S-BOOTSTRAP' });
    watched = await openWatchedPage(browser, server.url, DESK);
  });
  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await server?.stop();
    await view?.close();
    await database?.close();
    if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  it('signs in and offers 专项行动 and 审计日志 to a court admin', async () => {
    const { page } = watched;
    await page.goto(new URL('/console/', server.url).href);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    const nav = page.getByRole('navigation', { name: '工作台导航' });
    await poll(() => nav.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['专项行动', '审计日志']),
    );
  });

  it('shows the campaign period’s figures, 涉民生 first, with charts and the unit leaderboard', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '专项行动' }).click();
    await poll(() => h1(page)).toBe('专项行动');
    await page.getByLabel('开始日期').fill(CAMPAIGN_PERIOD.from);
    await page.getByLabel('结束日期').fill(CAMPAIGN_PERIOD.to);
    await page.getByRole('button', { name: '统计' }).click();
    await poll(() => page.getByText('统计期间：2017-07-18 至 2017-09-18（共 63 天）').count()).toBe(1);
    const tables = await page
      .getByRole('table')
      .evaluateAll((ts) =>
        ts.map((t) => document.getElementById(t.getAttribute('aria-labelledby') ?? '')?.textContent),
      );
    expect(tables[0]).toBe('涉民生案件');
    expect(await rowCells(page, '失信名单公布与删除', '期间公布')).toEqual(['5', '¥6,150.00', '1']);
    const leaderboard = page.getByRole('table', { name: '执行单元排行榜（你追我赶，争先创优）' });
    const ranks = await leaderboard
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.children[0]?.textContent, r.children[1]?.textContent]));
    expect(ranks.slice(0, 2)).toEqual([
      ['1', '执行一组'],
      ['2', '执行二组'],
    ]);
    expect(await page.getByRole('img', { name: /删除事由/ }).count()).toBe(1);
    expect(await page.locator('svg.chart-svg').count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    await page.getByRole('img', { name: /指挥中心大屏/ }).evaluate((img: HTMLImageElement) => img.decode());
    await shot(page, 'campaign-dashboard');
  });

  it('exports the leaderboard as CSV: UTF-8 with BOM, a formula-like unit name neutralised', async () => {
    const { page } = watched;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV：执行单元排行榜（你追我赶，争先创优）' }).click(),
    ]);
    // the seeded listings are demo listings: the file says so in its name, the screen in a notice
    expect(download.suggestedFilename()).toMatch(/^专项行动-2017-07-18至2017-09-18-演示数据-.*\.csv$/);
    expect(await page.getByText('演示数据', { exact: true }).count()).toBe(1);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^排名,执行单元,/);
    expect(lines[1]).toMatch(/^1,执行一组,2,2,1,1000,2,1,1,/);
    expect(lines.some((l) => l.includes(`,'${FORMULA_UNIT},`))).toBe(true);
    expect(lines.some((l) => new RegExp(`,${FORMULA_UNIT.replace('+', '\\+')},`).test(l))).toBe(false);
  });

  it('opens the printable report whose figures match the database, laid out for A4', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '打开可打印的报告（A4）' }).click();
    await poll(() => h1(page)).toBe('专项行动统计报告');

    // the same figures counted straight from the database, independently of the API's code
    const start = span.start.toISOString();
    const end = span.end.toISOString();
    const one = async (query: ReturnType<typeof sql>) =>
      Number(((await view.db.execute(query)) as unknown as { n: string }[])[0]?.n ?? 0);
    const published = await one(
      sql`select count(*) as n from listings where published_at >= ${start}::timestamptz and published_at < ${end}::timestamptz`,
    );
    const publishedFen = await one(
      sql`select coalesce(sum(amount_owed_fen), 0) as n from listings where published_at >= ${start}::timestamptz and published_at < ${end}::timestamptz`,
    );
    const removed = await one(
      sql`select count(*) as n from listings where status = 'removed' and removed_at >= ${start}::timestamptz and removed_at < ${end}::timestamptz`,
    );
    const tipsReceived = await one(
      sql`select count(*) as n from tips where created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz`,
    );
    const tipsVerified = await one(
      sql`select count(*) as n from tips t where created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz
          and (t.status = 'verified' or exists (select 1 from tip_events e where e.tip_id = t.id and e.status = 'verified'))`,
    );
    expect(published).toBe(5); // the seeded period, as a sanity check of the queries themselves
    const listingsRow = await rowCells(page, '失信名单公布与删除', '期间公布');
    expect(asNumber(listingsRow[0])).toBe(published);
    expect(asNumber(listingsRow[1]) * 100).toBe(publishedFen);
    expect(asNumber((await rowCells(page, '失信名单公布与删除', '期间删除'))[0])).toBe(removed);
    expect(asNumber((await rowCells(page, '举报线索', '收到线索'))[0])).toBe(tipsReceived);
    expect(asNumber((await rowCells(page, '举报线索', '经核查属实'))[0])).toBe(tipsVerified);

    // one table per unit, each matching that unit's rows in the database
    const perUnit = (await view.db.execute(
      sql`select u.name, count(l.id) as n from execution_units u left join listings l
          on l.unit_id = u.id and l.published_at >= ${start}::timestamptz and l.published_at < ${end}::timestamptz
          group by u.name`,
    )) as unknown as { name: string; n: string }[];
    expect(perUnit).toHaveLength(3);
    for (const { name, n } of perUnit) {
      const caption = page.getByRole('heading', {
        level: 3,
        name: new RegExp(`${name.replace('+', '\\+')}$`),
      });
      expect(await caption.count()).toBe(1);
      const table = (await caption.textContent()) ?? '';
      expect(asNumber((await rowCells(page, table, '期间公布（件）'))[0])).toBe(Number(n));
    }

    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'campaign-report');
    // printed: A4 pages (595 × 842 pt) with the console's navigation left off
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: '工作台导航' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印报告' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, path: join(SHOTS, 'campaign-report.pdf') });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(1);
    for (const [, w, h] of boxes) {
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(2);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(2);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the audit chain with its verification, filtered by actor, listing and date', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: '审计日志' }).click();
    await poll(() => h1(page)).toBe('审计日志');
    await poll(() => page.getByText(/^校验通过：全部 \d+ 条记录完整/).count()).toBe(1);
    const rows = page.getByRole('table', { name: '审计记录' }).locator('tbody tr');
    await poll(() => rows.count()).toBeGreaterThan(0);
    const shown = (await rows.allTextContents()).join('\n');
    expect(shown).toContain('初始化管理员');
    expect(shown).toContain('登录');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'audit');

    await page.getByLabel('操作人').selectOption({ label: '系统（system）' });
    await page.getByRole('button', { name: '查询' }).click();
    // Background jobs (expiry, reconcile, reminders) also write as the system, so the count is not
    // fixed: every row shown must be the system's, and the bootstrap entry among them.
    const actorCells = rows.locator('td:nth-child(3)');
    await poll(async () => {
      const actors = await actorCells.allTextContents();
      return actors.length > 0 && actors.every((a) => a.includes('system'));
    }).toBe(true);
    expect(await page.getByText(/^共 \d+ 条记录，按时间倒序。$/).count()).toBe(1);
    expect((await rows.allTextContents()).join('\n')).toContain('初始化管理员');
    await page.getByLabel('操作人').selectOption({ label: '全部' });
    // a listing without audit entries (CPL1 gets one whenever the retention job purges it: removed in 2017)
    await page.getByLabel('名单编号').fill('CPL9');
    await page.getByRole('button', { name: '查询' }).click();
    await poll(() => page.getByText('共 0 条记录，按时间倒序。').count()).toBe(1);
    expect(await page.getByRole('cell', { name: '没有符合条件的记录。' }).count()).toBe(1);
    await page.getByLabel('名单编号').fill('');
    await page.getByLabel('开始日期').fill('2017-07-18');
    await page.getByLabel('结束日期').fill('2017-07-01');
    await page.getByRole('button', { name: '查询' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('结束日期不能早于开始日期');
    expect(await page.getByRole('table', { name: '审计记录' }).count()).toBe(0);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);

    // what a DBA could do behind the append-only trigger: the screen names the altered row
    await view.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await view.db.execute(sql`update audit_log set reason = '篡改' where seq = 1`);
    await view.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    await page.getByRole('button', { name: '重新校验' }).click();
    await poll(() => page.getByText(/^校验未通过：第 1 条记录异常——本条记录的内容与哈希不符/).count()).toBe(
      1,
    );
    await shot(page, 'audit-broken-chain');
  });

  it('stays usable at 1024 px: the dashboard and the audit screen never scroll sideways', async () => {
    const { page } = watched;
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const hash of [`#/campaign?from=${CAMPAIGN_PERIOD.from}&to=${CAMPAIGN_PERIOD.to}`, '#/audit']) {
      await page.goto(new URL(`/console/${hash}`, server.url).href);
      await poll(() => page.getByRole('table').count()).toBeGreaterThan(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize(DESK);
  });
});
