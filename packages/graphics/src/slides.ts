import type { PublicListing } from '@portal/domain';
import { renderPng } from './render.ts';
import type { RewardNotice } from './reward-notice.ts';
import { type BoardSlideInput, boardSlideTree } from './templates/board-slide.ts';
import {
  COMMAND_CENTRE_SIZE,
  type CommandCentreSlideInput,
  commandCentreSlideTree,
} from './templates/command-centre-slide.ts';
import { type LivelihoodSlideInput, livelihoodSlideTree } from './templates/livelihood-slide.ts';
import { type NeutralSlideInput, neutralSlideTree } from './templates/neutral-slide.ts';
import { POSTER_SIZE, type RewardPosterOptions, rewardPosterTree } from './templates/reward-poster.ts';
import { REWARD_SLIDE_SIZE, type RewardSlideOptions, rewardSlideTree } from './templates/reward-slide.ts';
import { SHARE_CARD_SIZE, type ShareCardOptions, shareCardTree } from './templates/share-card.ts';
import { type StatsSlideInput, statsSlideTree } from './templates/stats-slide.ts';
import { slideSize } from './theme.ts';

/**
 * One board slide as PNG, 1920×1080 (landscape) or 1080×1920 (portrait).
 * @example
 * const plan = boardSlidePlan(listings, { orientation: 'landscape' });
 * const png = await renderBoardSlide({ listings: plan.slides[0] ?? [], page: 1, pages: plan.pages,
 *   courtName: '儋州市人民法院', orientation: 'landscape', siteUrl: 'https://sxbg.example.cn' });
 */
export async function renderBoardSlide(input: BoardSlideInput): Promise<Buffer> {
  return renderPng(await boardSlideTree(input), slideSize(input.orientation));
}

/** One 涉民生 slide as PNG; pass a slice of `livelihoodSlidePlan`. */
export async function renderLivelihoodSlide(input: LivelihoodSlideInput): Promise<Buffer> {
  return renderPng(await livelihoodSlideTree(input), slideSize(input.orientation));
}

/** Campaign statistics slide as PNG (counts as `GET /api/v1/stats` returns them). */
export async function renderStatsSlide(input: StatsSlideInput): Promise<Buffer> {
  return renderPng(await statsSlideTree(input), slideSize(input.orientation ?? 'landscape'));
}

/** WeChat Moments share card, 1080×1440, 扫码举报 QR to `${siteUrl}/report/?listing=${id}`. */
export async function renderShareCard(listing: PublicListing, opts: ShareCardOptions): Promise<Buffer> {
  return renderPng(await shareCardTree(listing, opts), SHARE_CARD_SIZE);
}

export interface RewardPosterRenderOptions extends RewardPosterOptions {
  /** 2480×3508 (A4 at 300 dpi) instead of 1240×1754 */
  print?: boolean;
}

/** A4 portrait 悬赏 poster. */
export async function renderRewardPoster(
  notice: RewardNotice,
  opts: RewardPosterRenderOptions,
): Promise<Buffer> {
  return renderPng(await rewardPosterTree(notice, opts), POSTER_SIZE, opts.print ? 2480 : POSTER_SIZE.width);
}

/** A 悬赏 notice as a 1920×1080 kiosk slide (landscape screens; portrait ones show the poster). */
export async function renderRewardSlide(notice: RewardNotice, opts: RewardSlideOptions): Promise<Buffer> {
  return renderPng(await rewardSlideTree(notice, opts), REWARD_SLIDE_SIZE);
}

/** The slide a kiosk shows when it has no fresh data: court name and a motto, nothing stale. */
export async function renderNeutralSlide(input: NeutralSlideInput): Promise<Buffer> {
  return renderPng(neutralSlideTree(input), slideSize(input.orientation ?? 'landscape'));
}

/** The 指挥中心 slide (per-unit open tips and deadlines), 1920×1080; staff-only. */
export async function renderCommandCentreSlide(input: CommandCentreSlideInput): Promise<Buffer> {
  return renderPng(commandCentreSlideTree(input), COMMAND_CENTRE_SIZE);
}
