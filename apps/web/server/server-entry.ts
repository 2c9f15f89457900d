// Bundled by `astro build` as dist/server/entry.mjs (see adapter.ts).
import { createApp } from 'astro/app/entrypoint';
import type { PageLocals } from './page-locals.ts';

const app = createApp({ streaming: false });

/** Renders an on-demand page; `undefined` when no on-demand route matches the path. */
export async function renderPage(request: Request, locals: PageLocals): Promise<Response | undefined> {
  const routeData = app.match(request);
  if (!routeData || routeData.prerender) return undefined;
  return app.render(request, { routeData, locals: { portal: locals } });
}
