import { describe, expect, it } from 'vitest';
import { qrDataUri } from '../qr.ts';
import { renderSvg } from '../render.ts';
import { renderRewardSlide } from '../slides.ts';
import { drawnText, pngSize, saveScreenshot } from '../testing/inspect.ts';
import { fakeRewardNotice } from '../testing/notices.ts';
import { REWARD_SLIDE_SIZE, rewardSlideTree } from './reward-slide.ts';

const site = 'https://sxbg.example.gov.cn';

describe('悬赏 kiosk slide', () => {
  it('shows who, the reward and the conditions on a 1920×1080 slide, never a creditor', async () => {
    const notice = fakeRewardNotice();
    const text = await drawnText(await rewardSlideTree(notice, { siteUrl: site }), REWARD_SLIDE_SIZE);
    expect(text).toContain('悬赏公告');
    expect(text).toContain('王建国');
    expect(text).toContain('4600031980****1234');
    expect(text).toContain('按实际执行到位金额的10%支付');
    expect(text).toContain('悬赏至 2027年3月1日');
    expect(text).toContain('扫码提供线索');
    expect(text).not.toContain('李海燕');
    const png = await renderRewardSlide(fakeRewardNotice({ demo: true }), { siteUrl: site });
    saveScreenshot('reward-slide-1920x1080', png);
    expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
  });

  it('carries a 扫码举报 code to the tip form claiming this notice', async () => {
    const svg = await renderSvg(
      await rewardSlideTree(fakeRewardNotice({ id: 'R-9' }), { siteUrl: site }),
      REWARD_SLIDE_SIZE,
    );
    expect(svg).toContain(await qrDataUri(`${site}/report/?notice=R-9`));
  });
});
