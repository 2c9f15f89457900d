import {
  type BoardQuery,
  boardJsonRoute,
  boardPngRoute,
  livelihoodPngRoute,
  neutralPngRoute,
  shareCardRoute,
  statsPngRoute,
} from '@portal/contract';
import { kioskAssets } from '@portal/graphics/kiosk';
import type { Context } from 'hono';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { computeStats } from '../stats/stats-routes.ts';
import type { BoardKey, ScreenCache } from './screen-cache.ts';

const DEFAULT_COURT_NAME = '人民法院执行局';
const courtName = (key: BoardKey) => key.court ?? DEFAULT_COURT_NAME;

type SlideQuery = Pick<BoardQuery, 'orientation' | 'court' | 'region'>;

function slideKey(q: SlideQuery, livelihood = false): BoardKey {
  return {
    orientation: q.orientation,
    ...(q.court ? { court: q.court } : {}),
    ...(q.region ? { region: q.region } : {}),
    ...(livelihood ? { livelihood } : {}),
  };
}

const png = (c: Context, body: Buffer) =>
  c.body(new Uint8Array(body), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' });

type BoardPageQuery = SlideQuery & { page: number; livelihood: boolean };

/** The plan's page `q.page`; a page beyond the last one answers 400 (a kiosk that lost track restarts at 1). */
async function boardPage(cache: ScreenCache, q: BoardPageQuery) {
  const planKey = slideKey(q, q.livelihood);
  const plan = await cache.plan(planKey);
  if (q.page > plan.pages)
    throw new ApiError('INVALID_PARAMETER', {
      field: 'page',
      message: `页码超出范围，共 ${plan.pages} 页。`,
    });
  return { key: { ...planKey, page: q.page }, plan, listings: plan.slides[q.page - 1] ?? [] };
}

/**
 * One slide of the rotating board (or the 涉民生 board) as a PNG, from the screen cache: the
 * board.png routes and the TV deck download (features/media) draw exactly the same image.
 */
export async function boardSlide(
  cache: ScreenCache,
  siteUrl: string,
  q: BoardPageQuery,
): Promise<{ png: Buffer; page: number; pages: number; listingIds: string[] }> {
  const { key, plan, listings } = await boardPage(cache, q);
  const input = {
    listings,
    page: key.page,
    pages: plan.pages,
    courtName: courtName(key),
    orientation: key.orientation,
    siteUrl,
    demo: listings.some((l) => l.demo),
  };
  const route = key.livelihood ? livelihoodPngRoute : boardPngRoute;
  const render = () => cache.renderer.render(key.livelihood ? 'livelihood' : 'board', input);
  const png = await cache.image(`${route.path}|${JSON.stringify(key)}`, render);
  return { png, page: key.page, pages: plan.pages, listingIds: listings.map((l) => l.id) };
}

/** The statistics slide as a PNG, from the screen cache (stats.png and the TV deck). */
export async function statsSlide(
  deps: Pick<AppDeps, 'db' | 'now'>,
  cache: ScreenCache,
  siteUrl: string,
  q: SlideQuery,
): Promise<Buffer> {
  const key = { ...slideKey(q), page: 1 };
  const stats = await computeStats(deps);
  return cache.image(`stats|${JSON.stringify(key)}`, () =>
    cache.renderer.render('stats', {
      ...stats,
      courtName: courtName(key),
      siteUrl,
      orientation: key.orientation,
      demo: stats.demo,
    }),
  );
}

/** The public address printed on slides and QR codes. */
export function siteUrlOf(deps: Pick<AppDeps, 'env'>): string {
  return deps.env.SITE_URL ?? `http://${deps.env.HOST}:${deps.env.PORT}`;
}

/** Large-screen slides, share cards and the kiosk page, all drawn from the public read model. */
export function registerScreens(app: ApiApp, deps: AppDeps, cache: ScreenCache): void {
  const siteUrl = siteUrlOf(deps);

  app.openapi(boardJsonRoute, async (c) => {
    const { key, plan, listings } = await boardPage(cache, c.req.valid('query'));
    c.header('Cache-Control', 'no-store');
    return c.json({ page: key.page, pages: plan.pages, listingIds: listings.map((l) => l.id) }, 200);
  });

  for (const [route, livelihood] of [
    [boardPngRoute, false],
    [livelihoodPngRoute, true],
  ] as const) {
    app.openapi(route, async (c) => {
      const q = c.req.valid('query');
      const { png: body } = await boardSlide(cache, siteUrl, {
        ...q,
        livelihood: livelihood || q.livelihood,
      });
      return png(c, body);
    });
  }

  app.openapi(statsPngRoute, async (c) =>
    png(c, await statsSlide(deps, cache, siteUrl, c.req.valid('query'))),
  );

  app.openapi(neutralPngRoute, async (c) => {
    const key = { ...slideKey(c.req.valid('query')), page: 1 };
    return png(
      c,
      await cache.image(`neutral|${JSON.stringify(key)}`, () =>
        cache.renderer.render('neutral', { courtName: courtName(key), orientation: key.orientation }),
      ),
    );
  });

  app.openapi(shareCardRoute, async (c) => {
    const m = /^([0-9A-Za-z_-]{1,64})\.png$/.exec(c.req.valid('param').file);
    if (!m?.[1]) throw new ApiError('LISTING_NOT_FOUND');
    const listing = await deps.search.get(m[1]);
    if (!listing) throw new ApiError('LISTING_NOT_FOUND');
    return png(
      c,
      await cache.image(`card|${listing.id}`, () => cache.renderer.render('card', listing, { siteUrl })),
    );
  });
}

/** `/screen`: the kiosk page that loops the slides full-screen. */
export function registerKiosk(app: ApiApp): void {
  // blob: is the neutral slide, which the kiosk keeps in memory to show while the network is down
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  app.get('/screen', (c) => {
    c.header('Content-Security-Policy', csp);
    c.header('Cache-Control', 'no-cache');
    return c.html(kioskAssets().html);
  });
  app.get('/screen/kiosk.js', (c) =>
    c.body(kioskAssets().js, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );
}
