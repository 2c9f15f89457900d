/**
 * Screens, share cards and posters rendered with satori + resvg, and the newspaper page PDF (pdfkit).
 * Pure rendering: callers pass public listings (never staff records) and get PNG or PDF buffers;
 * no HTTP, no database.
 */
export { FONT_FAMILY, loadFonts } from './fonts.ts';
export { formatDateZh } from './format.ts';
export { type KioskAssets, kioskAssets } from './kiosk-assets.ts';
export { MAX_NEWSPAPER_LISTINGS } from './newspaper/limits.ts';
export { PAPER, PAPER_SIZES, type PaperSize } from './newspaper/paper.ts';
export { type NewspaperInput, renderNewspaperPdf } from './newspaper/render-newspaper.ts';
export {
  type BoardPlan,
  type BoardPlanOptions,
  boardSlidePlan,
  DEFAULT_PER_PAGE,
  livelihoodSlidePlan,
} from './plan/board-plan.ts';
export { renderSvg, toPng } from './render.ts';
export type { RewardNotice } from './reward-notice.ts';
export {
  type RewardPosterRenderOptions,
  renderBoardSlide,
  renderCommandCentreSlide,
  renderLivelihoodSlide,
  renderNeutralSlide,
  renderRewardPoster,
  renderRewardSlide,
  renderShareCard,
  renderStatsSlide,
} from './slides.ts';
export { type BoardSlideInput, boardSlideTree } from './templates/board-slide.ts';
export {
  type CommandCentreSlideInput,
  type CommandCentreUnit,
  commandCentreSlideTree,
} from './templates/command-centre-slide.ts';
export { type LivelihoodSlideInput, livelihoodSlideTree } from './templates/livelihood-slide.ts';
export { type NeutralSlideInput, neutralSlideTree } from './templates/neutral-slide.ts';
export { type RewardPosterOptions, rewardPosterTree } from './templates/reward-poster.ts';
export { type RewardSlideOptions, rewardSlideTree } from './templates/reward-slide.ts';
export { type ShareCardOptions, shareCardTree } from './templates/share-card.ts';
export { type StatsSlideInput, statsSlideTree } from './templates/stats-slide.ts';
export { type Orientation, slideSize } from './theme.ts';
