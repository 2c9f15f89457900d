import { describe, expect, it } from 'vitest';
import { qrDataUri } from '../qr.ts';
import { renderSvg } from '../render.ts';
import { drawnText } from '../testing/inspect.ts';
import { fakeRewardNotice } from '../testing/notices.ts';
import { POSTER_SIZE, rewardPosterTree } from './reward-poster.ts';

const site = 'https://sxbg.example.gov.cn';

describe('悬赏 poster', () => {
  it('states the reward formula and the conditions, and never a creditor by name', async () => {
    const notice = fakeRewardNotice();
    const text = await drawnText(await rewardPosterTree(notice, { siteUrl: site }), POSTER_SIZE);
    expect(text).toContain('悬赏公告');
    expect(text).toContain('按实际执行到位金额的10%支付');
    expect(text).toContain('同一线索由两人以上提供的');
    expect(text).toContain('经申请执行人申请');
    // the fixture's creditor in earlier versions of the notice type; no field carries it now
    expect(text).not.toContain('李海燕');
    expect(text).not.toMatch(/申请执行人[^申，,。]{2,}向本院/);
  });

  it('shows a fixed sum in yuan when the notice gives an amount', async () => {
    const notice = fakeRewardNotice({ reward: { kind: 'amount', fen: 5_000_000 } });
    const text = await drawnText(await rewardPosterTree(notice, { siteUrl: site }), POSTER_SIZE);
    expect(text).toContain('50,000');
  });

  it('carries a 扫码举报 code to the tip form claiming this notice', async () => {
    const notice = fakeRewardNotice({ id: 'R-77' });
    const svg = await renderSvg(await rewardPosterTree(notice, { siteUrl: `${site}/` }), POSTER_SIZE);
    expect(svg).toContain(await qrDataUri(`${site}/report/?notice=R-77`));
  });
});
