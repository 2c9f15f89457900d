import { describe, expect, it } from 'vitest';
import { boardSlidePlan, livelihoodSlidePlan } from './plan/board-plan.ts';
import {
  renderBoardSlide,
  renderLivelihoodSlide,
  renderNeutralSlide,
  renderRewardPoster,
  renderShareCard,
  renderStatsSlide,
} from './slides.ts';
import { fakeListing, fakeListings } from './testing/fixtures.ts';
import { pngSize, saveScreenshot } from './testing/inspect.ts';
import { fakeRewardNotice } from './testing/notices.ts';

const site = 'https://sxbg.example.gov.cn';
const court = '海南省儋州市人民法院';
const date = new Date('2026-11-27T02:00:00Z');
const longName = '海南省某某某某某某某某某某某某建筑劳务工程集团有限责任公司第三分公司';

describe('every template renders a PNG of its declared size', () => {
  const listings = [
    ...fakeListings(11),
    fakeListing(40, { name: longName, kind: 'org', uscc: '91460000MA5T3XXX1Q' }),
  ];

  for (const orientation of ['landscape', 'portrait'] as const) {
    const size = orientation === 'portrait' ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 };

    it(`board slide, ${orientation}`, async () => {
      const plan = boardSlidePlan(listings, { orientation });
      const png = await renderBoardSlide({
        listings: plan.slides[plan.pages - 1] ?? [],
        page: plan.pages,
        pages: plan.pages,
        courtName: court,
        orientation,
        siteUrl: site,
        date,
      });
      saveScreenshot(`board-${orientation}`, png);
      expect(pngSize(png)).toEqual(size);
    });

    it(`livelihood slide, ${orientation}`, async () => {
      const plan = livelihoodSlidePlan(listings, { orientation });
      const png = await renderLivelihoodSlide({
        listings: plan.slides[0] ?? [],
        page: 1,
        pages: plan.pages,
        courtName: court,
        orientation,
        siteUrl: site,
        date,
      });
      saveScreenshot(`livelihood-${orientation}`, png);
      expect(pngSize(png)).toEqual(size);
    });

    it(`statistics slide, ${orientation}`, async () => {
      const png = await renderStatsSlide({
        listed: 12_873,
        removed: 3_402,
        livelihood: 2_118,
        byCategory: { '1': 9_120, '2': 311, '3': 1_207, '4': 1_480, '5': 698, '6': 57 },
        courtName: court,
        siteUrl: site,
        orientation,
        date,
      });
      saveScreenshot(`stats-${orientation}`, png);
      expect(pngSize(png)).toEqual(size);
    });

    it(`neutral slide, ${orientation}`, async () => {
      const png = await renderNeutralSlide({ courtName: court, orientation });
      saveScreenshot(`neutral-${orientation}`, png);
      expect(pngSize(png)).toEqual(size);
    });
  }

  it('share card for a person, 1080×1440', async () => {
    const png = await renderShareCard(fakeListing(0, { demo: true }), { siteUrl: site });
    saveScreenshot('share-card-person', png);
    expect(pngSize(png)).toEqual({ width: 1080, height: 1440 });
  });

  it('share card for an organisation with a very long name, 1080×1440', async () => {
    const png = await renderShareCard(fakeListing(3, { name: longName }), { siteUrl: site });
    saveScreenshot('share-card-org', png);
    expect(pngSize(png)).toEqual({ width: 1080, height: 1440 });
  });

  it('reward poster, A4 at 150 and 300 dpi', async () => {
    const screen = await renderRewardPoster(fakeRewardNotice(), { siteUrl: site });
    saveScreenshot('reward-poster', screen);
    expect(pngSize(screen)).toEqual({ width: 1240, height: 1754 });
    const org = fakeRewardNotice({
      defaulter: {
        kind: 'org',
        name: longName,
        uscc: '91460000MA5T3XXX1Q',
        legalRepresentative: '陈大海',
        amountOwedFen: 1,
      },
      reward: { kind: 'amount', fen: 5_000_000 },
      demo: true,
    });
    const print = await renderRewardPoster(org, { siteUrl: site, print: true });
    saveScreenshot('reward-poster-print-org', print);
    expect(pngSize(print)).toEqual({ width: 2480, height: 3508 });
  });
});
