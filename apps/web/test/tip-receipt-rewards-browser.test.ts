/**
 * The receipt look-up and the 悬赏 pages in Chromium at 390 px against the real API: a status
 * shown is the one staff set; a 悬赏 notice is one staff published, and it goes once its
 * listing is removed.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import {
  CLAIMED,
  call,
  noticeId,
  PERSON,
  phone,
  server,
  setUpTipPages,
  shot,
  spendBudget,
  TERMS,
} from './support/tip-pages.ts';

setUpTipPages();

describe('receipt look-up', () => {
  it('shows the status and the unit’s messages; an unknown code and a throttled client get calm messages', async () => {
    const submitted = await call('/api/v1/tips', {
      body: { listingId: PERSON.id, kind: 'whereabouts', description: '他最近住在儋州市那大镇的亲戚家。' },
    });
    expect(submitted.status).toBe(201);
    const receipt = submitted.body.receipt as string;
    const inbox = await call(`/api/v1/admin/tips?status=received`, { token: 'admin' });
    const tip = (inbox.body.items as { id: string; description: string }[]).find((i) =>
      i.description.includes('亲戚家'),
    )!;
    const status = await call(`/api/v1/admin/tips/${tip.id}/status`, {
      token: 'admin',
      body: { status: 'in_review', messageToTipster: '您反映的下落线索已转交执行团队核查，感谢您的支持。' },
    });
    expect(status.status).toBe(200);

    const w = await phone('/report/status/');
    const { page } = w;
    // written down by hand: lower case, spaces instead of hyphens
    await page.fill('#t-receipt', receipt.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#tip-status-label').textContent()).toBe('核查中');
    expect(await page.locator('.tip-messages').textContent()).toContain('已转交执行团队核查');
    expect(page.url()).toBe(`${server.url}/report/status/`);
    await shot(page, 'tip-status-390');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#t-receipt', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#tip-lookup-unknown h2').textContent()).toBe('没有找到这个回执码');

    const restore = await spendBudget('lookup');
    try {
      await page.getByRole('button', { name: '查询' }).click();
      await expect
        .poll(() => page.locator('#tip-lookup-wait').textContent())
        .toContain('请约 60 分钟后再查询，您的举报不受影响。');
    } finally {
      restore();
    }
    await page.fill('#t-receipt', '');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('#t-receipt-error').textContent()).toBe('请输入举报后得到的回执码。');
    // a code one group short is refused on the page: it never spends one of the hour's look-ups
    const lookups: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/v1/tips/lookup')) lookups.push(req.url());
    });
    await page.fill('#t-receipt', receipt.slice(0, 14));
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('#t-receipt-error').textContent()).toContain('回执码是 16 个字母和数字');
    expect(lookups).toEqual([]);
    expect(w.cspViolations).toEqual([]);
  });
});

describe('悬赏 pages', () => {
  it('list and notice state the terms and conditions, never the creditor’s name; the listing page links the notice', async () => {
    const list = await phone('/rewards/');
    await expect.poll(() => list.page.locator('.reward-list li').count()).toBe(1);
    expect(await list.page.locator('.reward-list').textContent()).toContain(TERMS);
    expect(await seriousViolations(list.page)).toEqual([]);
    await list.page.getByRole('link', { name: `悬赏公告：${CLAIMED.name}` }).click();
    await list.page.waitForURL(`**/rewards/notice/?id=${noticeId}`);
    const page = list.page;
    await expect.poll(() => page.locator('#reward-terms').textContent()).toBe(TERMS);
    expect(await page.locator('#reward-conditions').textContent()).toContain('查证属实');
    expect(await page.locator('main').textContent()).not.toContain('李某某');
    await shot(page, 'reward-notice-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '我要提供线索' }).click();
    await page.waitForURL(`**/report/?notice=${noticeId}`);

    const listing = await phone(`/listings/${CLAIMED.id}/`);
    await expect
      .poll(() => listing.page.locator('#listing-reward').isVisible(), { timeout: 8000 })
      .toBe(true);
    expect(await listing.page.locator('#listing-reward a').getAttribute('href')).toBe(
      `/rewards/notice/?id=${noticeId}`,
    );
    const plain = await phone(`/listings/${PERSON.id}/`);
    await plain.page.waitForTimeout(1500);
    expect(await plain.page.locator('#listing-reward').isVisible()).toBe(false);
    expect(listing.cspViolations).toEqual([]);

    // the listing is removed (listing revoked): its notice ends with it
    const removed = await call(`/api/v1/admin/listings/${CLAIMED.id}/remove`, {
      token: 'admin',
      body: { reason: 'revoked' },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    await expect
      .poll(async () => (await call(`/api/v1/rewards/${noticeId}`)).status, { timeout: 5000 })
      .toBe(404);
    const ended = await phone(`/rewards/notice/?id=${noticeId}`);
    await expect.poll(() => ended.page.locator('#reward-gone h1').textContent()).toBe('这则悬赏公告已经结束');
  });
});
