/**
 * Child process of `graphics-renderer.ts`: loads the renderers (satori, resvg, the CJK fonts)
 * and answers one PNG per message. Ending the process gives all of that memory back, which a
 * module imported into the server never would.
 */
import * as graphics from '@portal/graphics';
import type { Renderers, RenderReply, RenderRequest } from './graphics-renderer.ts';

if (!process.send) throw new Error('render-worker.ts runs only as a child of graphics-renderer.ts');
const reply = (message: RenderReply) => process.send?.(message);
// the server ended (even by kill -9): so does its renderer
process.on('disconnect', () => process.exit(0));

const renderers = {
  board: graphics.renderBoardSlide,
  livelihood: graphics.renderLivelihoodSlide,
  stats: graphics.renderStatsSlide,
  neutral: graphics.renderNeutralSlide,
  card: graphics.renderShareCard,
  rewardPoster: graphics.renderRewardPoster,
  rewardSlide: graphics.renderRewardSlide,
  commandCentre: graphics.renderCommandCentreSlide,
  newspaper: graphics.renderNewspaperPdf,
} as const satisfies Renderers;

process.on('message', async (req: RenderRequest) => {
  try {
    const render = renderers[req.kind] as (...args: unknown[]) => Promise<Buffer>;
    const png = await render(...req.args);
    // a copy the size of the image, not the pooled buffer it may be a view of
    reply({ id: req.id, png: new Uint8Array(png).buffer });
  } catch (err) {
    reply({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});
