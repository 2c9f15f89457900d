/**
 * The tip side of the console against the real server in Debian's Chromium at 1440×900 (and
 * 1024 px): a tip sent through the public API reaches its unit's 举报线索 inbox unread; the unit
 * member opens it (read), answers the tipster (the receipt look-up shows the answer), asks to see
 * the tipster's identity; a custodian — another account, seeing nothing but the queue — approves;
 * the member sees the identity once. A member of another unit never sees the tip. The 悬赏 screen
 * registers an application, publishes it and lists the claims in registration order.
 * Screenshots go to test-results/e2e-console/ (beside console-work.test.ts's).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idNumberCheckChar } from '@portal/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../../apps/web/test/support/tip-photo.ts';
import {
  launchChromium,
  openWatchedPage,
  seriousViolations,
  type WatchedPage,
} from '../support/site-browser.ts';
import { staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/e2e-console/', import.meta.url));
const TOKEN = 'e2e-console-tips-admin-token-7c1d';
const DESK = { width: 1440, height: 900 };
const MEMBER_A = { username: 'yizu.clerk', password: 'Yizu-clerk-2017', name: '一组书记员（演示）' };
const MEMBER_B = { username: 'erzu.clerk', password: 'Erzu-clerk-2017', name: '二组书记员（演示）' };
const CUSTODIAN = { username: 'baoguan', password: 'Shenfen-2017-ok', name: '身份保管人（演示）' };
const TIPSTER = { name: '演示举报人', phone: '13912345678' };
const DESCRIPTION = '本周一在美兰机场看到被执行人乘坐头等舱（演示数据）。';

let server: RunningServer;
let browser: Browser;
let listingId: string;
let tipId: string;
let receipt: string;
const opened: WatchedPage[] = [];

const idFor = (birth: string, seq = '123') => {
  const first17 = `460103${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
};
const draft = (name: string, caseNo: string, unitId: string) => ({
  kind: 'person',
  name,
  idNumber: idFor('19750303'),
  caseNo,
  court: '儋州市人民法院',
  filedAt: '2017-07-18',
  basisIssuer: '儋州市人民法院',
  basisDocNo: '（2016）琼9003民初1号',
  obligation: '支付劳动报酬人民币 12,345 元',
  performance: '全部未履行',
  category: 1,
  amountOwedFen: 1_234_500,
  livelihood: true,
  region: '儋州市',
  unitId,
});

/** Sign-in runs scrypt on a shared 2-core machine: allow seconds, not the default one. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const url = (path: string) => new URL(path, server.url).href;

async function submitTip(fields: Record<string, string>, photo?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (photo) form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), '现场.jpg');
  const res = await fetch(url('/api/v1/tips'), { method: 'POST', body: form });
  const body = (await res.json()) as { receipt: string; registrationNo?: number };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function signIn(who: { username: string; password: string }): Promise<WatchedPage> {
  const w = await openWatchedPage(browser, server.url, DESK);
  opened.push(w);
  await w.page.goto(url('/console/'));
  await w.page.getByLabel('用户名').fill(who.username);
  await w.page.getByLabel('密码', { exact: true }).fill(who.password);
  await w.page.getByRole('button', { name: '登录' }).click();
  await poll(() => w.page.getByRole('navigation', { name: '工作台导航' }).count()).toBe(1);
  return w;
}

/** The page's scrolling width: more than the viewport means sideways scrolling. */
const pageWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: '工作台导航' }).getByRole('link').allTextContents();

/** A staff API call from inside the signed-in page (its session cookie), answering the status. */
const statusOf = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({
      DEMO_RECORDS: '0',
      SITE_BUILD: '0',
      RATE_LIMIT_PER_MIN: '0',
      STAFF_BOOTSTRAP_TOKEN: TOKEN,
    }),
    launchChromium(),
  ]);
  const admin = staffApi(server.url, TOKEN);
  const unitA = await admin.call<{ id: string }>('POST', '/api/v1/admin/units', { name: '执行一组' });
  const unitB = await admin.call<{ id: string }>('POST', '/api/v1/admin/units', { name: '执行二组' });
  for (const [who, role, unitId] of [
    [MEMBER_A, 'unit_member', unitA.id],
    [MEMBER_B, 'unit_member', unitB.id],
    [CUSTODIAN, 'custodian', null],
  ] as const)
    await admin.call('POST', '/api/v1/admin/staff', { ...who, role, unitId });
  listingId = await admin.createPublished(draft('演示符大海', '（2017）琼9003执2001号', unitA.id));
  const jpeg = await makeJpeg(browser, { label: '琼A·演示' });
  ({ receipt } = await submitTip(
    {
      listingId,
      kind: 'consumption',
      consumptionItem: '1',
      description: DESCRIPTION,
      place: '海口美兰国际机场 T2 航站楼',
      lat: '19.9389',
      lng: '110.459',
      contactName: TIPSTER.name,
      contactPhone: TIPSTER.phone,
    },
    jpeg,
  ));
  const inbox = await admin.call<{ items: { id: string; listingId: string }[] }>('GET', '/api/v1/admin/tips');
  tipId = inbox.items.find((t) => t.listingId === listingId)!.id;
}, 300_000);
afterAll(async () => {
  await Promise.all(opened.map((w) => w.close()));
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('the console’s tip screens on the real server', () => {
  let a: WatchedPage;

  it('shows the new tip unread in its unit member’s inbox, with the opening clock', async () => {
    a = await signIn(MEMBER_A);
    const { page } = a;
    expect(await navLinks(page)).toEqual(['名单', '导入', '纠正申请', '举报线索', '悬赏', '专项行动']);
    await page.getByRole('link', { name: '举报线索' }).click();
    await poll(() => h1(page)).toBe('举报线索');
    const row = page.getByRole('row', { name: /演示符大海/ });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('未阅');
    expect(await row.textContent()).toContain('收到后已过 0 个工作日');
    expect(await row.textContent()).toMatch(/应于 \d{4}-\d{2}-\d{2}(（估算）)? 前打开/);
    expect(await page.getByText(/共 1 条，本页未阅 1 条/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'tips-inbox');
  });

  it('opens the tip: details, the drawn map point, the photo from the staff route; it becomes read', async () => {
    const { page } = a;
    await page.getByRole('button', { name: /^打开线索：演示符大海.*（未阅）$/ }).click();
    const detail = page.getByRole('article', { name: /^线索：演示符大海/ });
    await poll(() => detail.count()).toBe(1);
    expect(await detail.textContent()).toContain(DESCRIPTION);
    expect(await detail.textContent()).toContain('第 1 项：乘坐飞机、软卧、轮船二等以上舱位');
    expect(await detail.textContent()).toContain('海口美兰国际机场 T2 航站楼');
    expect(await detail.getByRole('img', { name: /^位置示意图：北纬 19°56′/ }).count()).toBe(1);
    expect(await detail.textContent()).toContain('十进制坐标：19.93890, 110.45900');
    // the photo is served by the staff attachment route, same origin, and actually decodes
    const photo = detail.getByRole('img', { name: /^举报人上传的照片 1/ });
    await poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(
      320,
    );
    expect(await photo.getAttribute('src')).toMatch(new RegExp(`^/api/v1/admin/tips/${tipId}/attachments/`));
    // the identity is not on the screen
    expect(await page.getByText(TIPSTER.phone).count()).toBe(0);
    expect(await page.getByText(TIPSTER.name).count()).toBe(0);
    // unread → read: the list drops the mark, the API recorded the opening
    await poll(() => page.getByRole('row', { name: /演示符大海/ }).textContent()).not.toContain('未阅');
    expect(await page.getByText(/本页未阅 0 条/).count()).toBe(1);
    const openedAt = await page.evaluate(
      async (id) =>
        ((await (await fetch(`/api/v1/admin/tips/${id}`)).json()) as { openedAt: string }).openedAt,
      tipId,
    );
    expect(openedAt).toMatch(/^\d{4}-/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'tips-detail');
  });

  it('moves the tip to 核查中 with a message, which the tipster’s receipt look-up shows', async () => {
    const { page } = a;
    const form = page.getByRole('form', { name: '办理与答复' });
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请选择新的状态。');
    await form.getByLabel('新的状态').selectOption('in_review');
    await form.getByLabel('给举报人的答复').fill('您反映的情况已转交执行团队核查，感谢支持。');
    await form.getByLabel('内部备注').fill('联系机场核对乘机记录');
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => form.getByRole('status').textContent()).toBe(
      '已改为“核查中”，答复已发给举报人（凭回执码查询可见）。',
    );
    await poll(() => page.getByRole('row', { name: /演示符大海/ }).textContent()).toContain('核查中');
    // the same status again is only an answer: it needs the message
    await form.getByLabel('新的状态').selectOption('in_review');
    await form.getByRole('button', { name: '保存' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('状态未变时，请填写给举报人的答复。');
    // the status filters: the tip has left 已收到 and is under 核查中
    await page.getByRole('tab', { name: '已收到' }).click();
    await poll(() => page.getByText('没有线索。').count()).toBe(1);
    await page.getByRole('tab', { name: '核查中' }).click();
    await poll(() => page.getByRole('row', { name: /演示符大海/ }).count()).toBe(1);
    await page.getByRole('tab', { name: '全部' }).click();
    // a step back is not offered
    expect(
      await form
        .getByLabel('新的状态')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value)),
    ).toEqual(['', 'in_review', 'verified', 'not_useful', 'closed']);

    const res = await fetch(url('/api/v1/tips/lookup'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ receipt }),
    });
    const seen = (await res.json()) as { status: string; messages: { text: string }[] };
    expect(seen.status).toBe('in_review');
    expect(seen.messages.map((m) => m.text)).toEqual(['您反映的情况已转交执行团队核查，感谢支持。']);
    expect(JSON.stringify(seen)).not.toContain('联系机场');
  });

  it('asks to see the tipster’s identity, with a reason', async () => {
    const { page } = a;
    const ask = page.getByRole('form', { name: '申请查看举报人身份' });
    await ask.getByRole('button', { name: '申请查看举报人身份' }).click();
    await poll(() => ask.getByRole('alert').textContent()).toBe(
      '请说明查看举报人身份的理由（至少 4 个字）。',
    );
    await ask.getByLabel('申请理由').fill('需电话核实乘机时间和航班号');
    await ask.getByRole('button', { name: '申请查看举报人身份' }).click();
    await poll(() => page.getByText('申请已提交，待身份保管人审批。').count()).toBe(1);
    await poll(() => page.getByText(/需电话核实乘机时间和航班号——待保管人审批/).count()).toBe(1);
    // until a custodian approves, there is nothing to reveal
    expect(await page.getByRole('button', { name: /查看举报人身份（仅一次）/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a custodian (another account) approve it, and shows the custodian nothing else', async () => {
    const c = await signIn(CUSTODIAN);
    const { page } = c;
    await poll(() => h1(page)).toBe('身份查看审批');
    expect(await navLinks(page)).toEqual(['身份查看审批']);
    expect(await statusOf(page, '/api/v1/admin/tips')).toBe(403);
    expect(await statusOf(page, `/api/v1/admin/tips/${tipId}`)).toBe(403);
    const row = page.getByRole('row', { name: /需电话核实乘机时间和航班号/ });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(MEMBER_A.name);
    expect(await row.textContent()).toContain('执行一组');
    expect(await page.getByText(DESCRIPTION).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'reveal-queue');

    await row.getByRole('button', { name: new RegExp(`^审批 ${MEMBER_A.name}`) }).click();
    const form = page.getByRole('form', { name: /^审批：/ });
    await form.getByRole('button', { name: '提交审批' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请选择批准或驳回。');
    await form.getByLabel('批准（申请人可查看一次）').check();
    await form.getByRole('button', { name: '提交审批' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请写明审批理由。');
    await form.getByLabel('审批理由').fill('理由充分，同意查看一次');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'reveal-decision');
    await form.getByRole('button', { name: '提交审批' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe(
      `已批准 ${MEMBER_A.name} 的申请，申请人可查看一次。`,
    );
    await poll(() => page.getByText('没有申请。').count()).toBe(1);
    await page.getByRole('tab', { name: '已批准，待查看' }).click();
    await poll(() => page.getByRole('row', { name: /理由充分，同意查看一次/ }).count()).toBe(1);
    expect(c.cspViolations).toEqual([]);
    expect(c.foreignRequests).toEqual([]);
  });

  it('shows the requester the identity once', async () => {
    const { page } = a;
    await page.getByRole('button', { name: /^打开线索：演示符大海/ }).click();
    const reveal = page.getByRole('button', { name: '查看举报人身份（仅一次）' });
    await poll(() => reveal.count()).toBe(1);
    await reveal.click();
    const identity = page.getByRole('region', { name: '举报人身份（仅显示这一次）' });
    await poll(() => identity.textContent()).toContain(`举报人：${TIPSTER.name}，电话：${TIPSTER.phone}`);
    await poll(() => page.getByText(/——已查看/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'tips-identity');
    // once: closing the tip forgets it, and the request is spent
    await page.getByRole('button', { name: '关闭详情' }).click();
    await page.getByRole('button', { name: /^打开线索：演示符大海/ }).click();
    await poll(() => page.getByText(/——已查看/).count()).toBe(1);
    expect(await page.getByText(TIPSTER.phone).count()).toBe(0);
    expect(await page.getByRole('button', { name: '查看举报人身份（仅一次）' }).count()).toBe(0);
    expect(a.cspViolations).toEqual([]);
    expect(a.foreignRequests).toEqual([]);
  });

  it('never shows the tip to a member of another unit, in the list or through the API', async () => {
    const b = await signIn(MEMBER_B);
    const { page } = b;
    await page.getByRole('link', { name: '举报线索' }).click();
    // wait for the inbox itself: the 名单 screen shown before the click also says 共 0 条
    await poll(() => page.getByText('没有线索。').count()).toBe(1);
    expect(await page.getByText(/^共 0 条，本页未阅 0 条/).count()).toBe(1);
    expect(await page.getByRole('row', { name: /演示符大海/ }).count()).toBe(0);
    expect([403, 404]).toContain(await statusOf(page, `/api/v1/admin/tips/${tipId}`));
    const attachment = await page.evaluate(async () => {
      const res = await fetch('/api/v1/admin/reveal-requests');
      return ((await res.json()) as { items: unknown[] }).items.length;
    });
    expect(attachment).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'tips-other-unit');
  });

  it('registers a 悬赏 application with its ten-day clock, publishes it, and lists the claims in order', async () => {
    const { page } = a;
    await page.getByRole('link', { name: '悬赏' }).click();
    await poll(() => h1(page)).toBe('悬赏');
    await page.getByText('登记书面悬赏申请').click();
    const form = page.getByRole('form', { name: '登记书面悬赏申请' });
    await form.getByRole('button', { name: '登记申请' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请选择悬赏针对的失信信息。');
    // found by a case-number fragment typed with half-width brackets; Enter finds, it does not submit
    await form.getByLabel('查找失信信息').fill('(2017)琼9003执2001');
    await form.getByLabel('查找失信信息').press('Enter');
    await poll(() => form.getByText('共 1 条。').count()).toBe(1);
    expect(await form.getByLabel('失信信息（已发布）').locator('option').allTextContents()).toEqual([
      '请选择',
      '演示符大海，（2017）琼9003执2001号',
    ]);
    await form.getByLabel('失信信息（已发布）').selectOption(listingId);
    await form.getByRole('button', { name: '登记申请' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请填写悬赏金数额（元，大于 0）。');
    await form.getByLabel('悬赏金数额（元）').fill('5000');
    await form.getByRole('button', { name: '登记申请' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('请填写公告截止日期。');
    await form.getByLabel('公告截止日期').fill('2099-12-31');
    await form.getByRole('button', { name: '登记申请' }).click();
    // the API's own refusal, in zh-CN: no conditions given (art. 22)
    await poll(() => form.getByRole('alert').textContent()).toContain('请填写领取条件');
    await form
      .getByLabel('领取条件（每行一条）')
      .fill('提供被执行人可供执行的财产线索\n经查证属实并执行到位');
    await form.getByRole('button', { name: '登记申请' }).click();
    await poll(() => page.getByRole('status').textContent()).toMatch(
      /^已登记悬赏申请，应于 \d{4}-\d{2}-\d{2} 前决定是否发布/,
    );
    const row = page.getByRole('row', { name: /演示符大海/ });
    await poll(() => row.textContent()).toContain('（剩 10 日）');
    expect(await row.textContent()).toContain('5,000');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'rewards-application');

    await row.getByRole('button', { name: '发布 演示符大海 的悬赏公告' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe('已发布“演示符大海”的悬赏公告。');
    const noticeId = await page.evaluate(async () => {
      const r = (await (await fetch('/api/v1/admin/rewards?status=published')).json()) as {
        items: { id: string }[];
      };
      return r.items[0]!.id;
    });
    const claims = [];
    for (const description of [
      '第一条申领线索：被执行人名下有一辆车（演示数据）。',
      '第二条申领线索：被执行人在某商铺经营（演示数据）。',
    ])
      claims.push(
        await submitTip({
          listingId,
          rewardNoticeId: noticeId,
          kind: 'asset',
          description,
          contactName: TIPSTER.name,
          contactPhone: TIPSTER.phone,
        }),
      );
    expect(claims.map((c) => c.registrationNo)).toEqual([1, 2]);

    await page.getByRole('tab', { name: '已发布的公告' }).click();
    await page.getByRole('button', { name: '查看 演示符大海 的悬赏线索登记簿' }).click();
    const register = page.getByRole('table', { name: '悬赏线索登记簿' });
    await poll(() => register.getByRole('row').count()).toBe(3);
    const firstCells = await register.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(firstCells[0]).toBe('第 1 号');
    expect(firstCells[4]).toContain('第一条申领线索');
    expect(await register.getByRole('row').nth(2).getByRole('cell').first().textContent()).toBe('第 2 号');
    expect(await page.getByText(TIPSTER.phone).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'rewards-claims');
  });

  it('stays usable at 1024 px: the inbox and the open tip without sideways scrolling', async () => {
    const { page } = a;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('link', { name: '举报线索' }).click();
    await page
      .getByRole('button', { name: /^打开线索：演示符大海/ })
      .first()
      .click();
    await poll(() => page.getByRole('article', { name: /^线索：演示符大海/ }).count()).toBe(1);
    const scrollWidth = await pageWidth(page);
    expect(scrollWidth).toBeLessThanOrEqual(1024);
    await shot(page, 'tips-1024');
    await page.getByRole('link', { name: '悬赏' }).click();
    await page.getByRole('tab', { name: '已发布的公告' }).click();
    await poll(() => page.getByRole('row', { name: /演示符大海/ }).count()).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(1024);
    expect(a.cspViolations).toEqual([]);
    expect(a.foreignRequests).toEqual([]);
  });
});
