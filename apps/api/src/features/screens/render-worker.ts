/**
 * Worker thread entry of `graphics-renderer.ts`: loads the renderers (satori, resvg, the CJK
 * fonts) in its own isolate and answers one PNG per message. Terminating the worker gives all of
 * that memory back, which a module imported into the main thread never would.
 */
import { parentPort } from 'node:worker_threads';
import * as graphics from '@portal/graphics';
import type { Renderers, RenderReply, RenderRequest } from './graphics-renderer.ts';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');

const renderers = {
  board: graphics.renderBoardSlide,
  livelihood: graphics.renderLivelihoodSlide,
  stats: graphics.renderStatsSlide,
  neutral: graphics.renderNeutralSlide,
  card: graphics.renderShareCard,
  rewardPoster: graphics.renderRewardPoster,
  rewardSlide: graphics.renderRewardSlide,
  newspaper: graphics.renderNewspaperPdf,
} as const satisfies Renderers;

port.on('message', async (req: RenderRequest) => {
  try {
    const render = renderers[req.kind] as (...args: unknown[]) => Promise<Buffer>;
    const png = await render(...req.args);
    // a copy the size of the image, so the transfer cannot detach a pooled buffer
    const bytes = new Uint8Array(png).buffer;
    port.postMessage({ id: req.id, png: bytes } satisfies RenderReply, [bytes]);
  } catch (err) {
    port.postMessage({
      id: req.id,
      error: err instanceof Error ? err.message : String(err),
    } satisfies RenderReply);
  }
});
