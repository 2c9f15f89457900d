/**
 * The tip form in Chromium at 390 px against the real API: a tip the form sends is stored, a
 * receipt it shows is one the server issued. A proxy's lost answer (504) is the one thing
 * simulated, in the browser, after the server stored the tip.
 */
import { tips } from '@portal/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import {
  api,
  browser,
  CLAIMED,
  fillValidTip,
  jpeg,
  noticeId,
  PERSON,
  phone,
  photo,
  sentFrom,
  setUpTipPages,
  shot,
  spendBudget,
  storedTips,
} from './support/tip-pages.ts';
import { makeJpeg } from './support/tip-photo.ts';

setUpTipPages();

describe('tip form', () => {
  it('opens from a listing page’s 我要举报 with the listing shown; a blank submit lists each problem in zh-CN by its field', async () => {
    const w = await phone(`/listings/${PERSON.id}/`);
    const { page } = w;
    const form = sentFrom();
    const before = await storedTips();
    await page.getByRole('main').getByRole('link', { name: '我要举报' }).click();
    await page.waitForURL(`**/report/?listing=${PERSON.id}`);
    await expect.poll(() => page.locator('.tip-target-name').textContent()).toContain(PERSON.name);
    await page.getByRole('button', { name: '提交举报' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('请选择您要举报的内容');
    expect(await summary.textContent()).toContain('请描述您看到的情况。');
    expect(await page.locator('#t-description').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#t-description-error').textContent()).toBe('请描述您看到的情况。');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    // a consumption lead then needs its ban item
    await page.check('#t-kind-consumption');
    await page.fill('#t-description', '看到他乘坐飞机。');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => summary.textContent()).toContain('请选择对方违反的是哪一项限制消费。');
    expect(await form.settled()).toEqual([]);
    expect(await storedTips()).toBe(before);
    await shot(page, 'tip-form-errors-390');
    // large-type mode (适老化): the whole form, its errors included, fits 390 px without sideways scrolling
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.check('#t-identity-named');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'tip-form-390-large-type');
    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('sends a tip with a photo as multipart under one Idempotency-Key; a retry after a lost answer reuses it and gets the stored receipt; the receipt shows grouped and never in the URL', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    const form = sentFrom();
    const before = await storedTips();
    await fillValidTip(page);
    await page.setInputFiles('#t-photos', [photo()]);
    await expect.poll(() => page.locator('.tip-photos canvas').count()).toBe(1);
    await expect
      .poll(() => page.locator('.tip-photos canvas').getAttribute('aria-label'))
      .toBe('照片预览：car.jpg，320×240');
    // a proxy times out after the server stored the tip: the answer is lost on its way back
    // (Chromium resends by itself on a reset connection, so a dropped socket would not reach the page)
    let lost: { receipt: string } | undefined;
    await page.route(
      '**/api/v1/tips',
      async (route) => {
        const answer = await route.fetch();
        lost = (await answer.json()) as { receipt: string };
        await route.fulfill({ status: 504, contentType: 'text/html', body: '<h1>504 Gateway Time-out</h1>' });
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-form-error').textContent()).toMatch(/不会重复提交/);
    expect(await page.inputValue('#t-description')).toMatch(/白色越野车/); // nothing typed is lost
    expect(await storedTips()).toBe(before + 1);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor({ timeout: 20_000 });

    const sent = await form.settled();
    expect(sent).toHaveLength(2);
    const [first, retry] = sent;
    expect(first?.idempotencyKey).toMatch(/^tip-[0-9a-f]{32}$/);
    expect(new Set(sent.map((t) => t.idempotencyKey))).toEqual(new Set([first?.idempotencyKey]));
    expect(retry?.contentType).toMatch(/^multipart\/form-data/);
    expect(retry?.photos).toBe(1);
    expect(retry?.fields).toMatchObject({ listingId: PERSON.id, kind: 'asset', assetType: 'vehicle' });
    expect(retry?.fields).not.toHaveProperty('contactName');
    // the server stored it once, with its photo, and answered the retry with the same receipt
    expect(await storedTips()).toBe(before + 1);
    const [stored] = await api.runtime.rt.deps.db
      .select({ photoCount: tips.photoCount, listingId: tips.listingId })
      .from(tips)
      .orderBy(tips.createdAt)
      .limit(1)
      .offset(before);
    expect(stored).toEqual({ photoCount: 1, listingId: PERSON.id });

    const groups = await page.locator('.tip-receipt-group').allTextContents();
    expect(groups).toHaveLength(4);
    for (const g of groups) expect(g).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(groups.join('')).toBe(lost?.receipt.replace(/[^0-9A-Z]/g, ''));
    expect(await page.locator('#tip-receipt-code .visually-hidden').textContent()).toBe(
      `回执码：${groups.map((g) => g.split('').join(' ')).join('，')}`,
    );
    expect(await page.locator('.tip-receipt').textContent()).toContain('请现在抄下或截图保存这串回执码。');
    expect(page.url()).not.toContain(groups[0]);
    await page.getByRole('button', { name: '复制回执码' }).click();
    await expect
      .poll(() => page.locator('.tip-receipt [aria-live]').textContent())
      .toMatch(/已(复制|选中)回执码/);
    await shot(page, 'tip-receipt-390');
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.cspViolations).toEqual([]);

    // large-type mode (适老化): the receipt and the form stay within 390 px
    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'tip-receipt-390-large-type');
  });

  it('a tip without photos goes as JSON; 429 says how long to wait; 422 starts a new key for changed content', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    // this client already spent its hourly budget: the server answers 429 with Retry-After
    const restore = await spendBudget('tip');
    const form = sentFrom();
    await fillValidTip(page);
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#tip-form-error').textContent())
      .toBe('提交次数过多，请约 60 分钟后再试。您填写的内容仍保留在本页。');
    restore();
    // stored, but the answer is lost; then the tipster changes the text and sends again
    await page.route(
      '**/api/v1/tips',
      async (route) => {
        await route.fetch();
        await route.fulfill({ status: 504, contentType: 'text/html', body: '<h1>504 Gateway Time-out</h1>' });
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-form-error').textContent()).toMatch(/不会重复提交/);
    await page.fill(
      '#t-description',
      '他每天开一辆白色越野车到那大镇人民大道的店里，车牌 琼C·12345，晚上停在小区。',
    );
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#tip-form-error').textContent())
      .toMatch(/您修改了已经发送过的内容/);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.locator('#tip-receipt-code').waitFor();
    const sent = await form.settled();
    const keys = sent.map((t) => t.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys.slice(0, 3)).size).toBe(1); // 429, lost answer, changed content: one key
    expect(keys[3]).not.toBe(keys[2]);
    expect(sent[3]?.contentType).toMatch(/^application\/json/);
    const [latest] = await api.runtime.rt.deps.db
      .select({ description: tips.description })
      .from(tips)
      .where(eq(tips.listingId, PERSON.id))
      .orderBy(tips.createdAt)
      .limit(1)
      .offset((await api.runtime.rt.deps.db.$count(tips, eq(tips.listingId, PERSON.id))) - 1);
    expect(latest?.description).toMatch(/晚上停在小区/);
    expect(w.cspViolations).toEqual([]);
  });

  it('a large phone photo is sent as a smaller JPEG at most 2560 px long; a small one as it is', async () => {
    const big = await makeJpeg(browser, { width: 4000, height: 3000, noise: true, quality: 0.9 });
    expect(big.length).toBeGreaterThan(1_500_000);
    expect(big.length).toBeLessThan(10 * 1024 * 1024);
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    const form = sentFrom();
    await fillValidTip(page);
    await page.setInputFiles('#t-photos', [
      { name: 'street.jpeg', mimeType: 'image/jpeg', buffer: big },
      photo('plate.jpg'),
    ]);
    await expect.poll(() => page.locator('.tip-photos canvas').count()).toBe(2);
    await page.getByRole('button', { name: '提交举报' }).click();
    await page
      .locator('#tip-receipt-code, #tip-form-error:not(:empty), .field-error:not(:empty)')
      .first()
      .waitFor({ timeout: 30_000 });
    const problems = await page.locator('#tip-form-error, .field-error').allTextContents();
    expect(await page.locator('#tip-receipt-code').count(), problems.join(' ')).toBe(1);
    const [street, plate] = (await form.settled())[0]?.photoFiles ?? [];
    expect(street?.type).toBe('image/jpeg');
    expect(street?.size).toEqual({ width: 2560, height: 1920 });
    expect(street?.bytes).toBeLessThan(big.length);
    expect(plate).toEqual({ bytes: jpeg.length, type: 'image/jpeg', size: { width: 320, height: 240 } });
  });

  it('refuses a photo of the wrong type by name, stops at six, and removes one on request', async () => {
    const w = await phone(`/report/?listing=${PERSON.id}`);
    const { page } = w;
    await page.setInputFiles('#t-photos', [
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    ]);
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toContain('“scan.pdf”不是 JPG、PNG 或 WebP 格式的照片，请换一张。');
    await page.setInputFiles(
      '#t-photos',
      Array.from({ length: 7 }, (_, i) => photo(`p${i + 1}.jpg`)),
    );
    await expect.poll(() => page.locator('.tip-photos li').count()).toBe(6);
    expect(await page.locator('.field-error').allTextContents()).toContain(
      '最多上传 6 张照片，“p7.jpg”没有添加。',
    );
    expect(await page.locator('#t-photos').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '删除 p3.jpg' }).click();
    expect(await page.locator('.tip-photos li').count()).toBe(5);
    expect(await page.locator('#t-photos').isDisabled()).toBe(false);
    await shot(page, 'tip-form-photos-390');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('from a 悬赏 notice: claiming needs name and phone, and the receipt shows the registration number the server drew', async () => {
    const w = await phone(`/report/?notice=${noticeId}`);
    const { page } = w;
    const form = sentFrom();
    await expect.poll(() => page.locator('.tip-target-name').textContent()).toContain(CLAIMED.name);
    expect(await page.isChecked('#t-claim')).toBe(true);
    expect(await page.isDisabled('#t-identity-anonymous')).toBe(true);
    await fillValidTip(page);
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect
      .poll(() => page.locator('#t-name-error').textContent())
      .toBe('申领悬赏须留下姓名，以便登记和发放悬赏金。');
    await page.fill('#t-name', '王五');
    await page.fill('#t-phone', '13800138000');
    await page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => page.locator('#tip-registration-no').textContent()).toBe('第 1 号');
    expect((await form.settled()).at(-1)?.fields).toMatchObject({
      rewardNoticeId: noticeId,
      listingId: CLAIMED.id,
      contactName: '王五',
      contactPhone: '13800138000',
    });
    const [claim] = await api.runtime.rt.deps.db
      .select({
        registrationNo: tips.registrationNo,
        hasContact: tips.hasContact,
        sealed: tips.contactSealed,
      })
      .from(tips)
      .where(eq(tips.rewardNoticeId, noticeId));
    expect(claim).toMatchObject({ registrationNo: 1, hasContact: true });
    expect(claim?.sealed).not.toContain('13800138000');
  });

  it('without a listing it asks to find the defaulter first; a removed listing turns the form away', async () => {
    const start = await phone('/report/');
    expect(await start.page.locator('#tip-target h2').textContent()).toBe('先找到被执行人');
    expect(await start.page.locator('form[action="/search"]').count()).toBe(1);
    expect(await seriousViolations(start.page)).toEqual([]);
    const gone = await phone('/report/?listing=no-such-listing');
    await expect.poll(() => gone.page.locator('h2').first().textContent()).toBe('这条失信信息已不再公布');
    expect(await gone.page.locator('form.tip-form').count()).toBe(0);
  });
});
