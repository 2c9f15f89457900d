import {
  kioskAssets,
  type Orientation,
  renderBoardSlide,
  renderLivelihoodSlide,
  renderNeutralSlide,
  renderShareCard,
  renderStatsSlide,
} from '@portal/graphics';
import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { computeStats } from '../stats/stats-routes.ts';
import type { BoardKey, ScreenCache } from './screen-cache.ts';

const DEFAULT_COURT_NAME = '人民法院执行局';

function boardKey(c: Context<AppEnv>, livelihood = false): BoardKey & { page: number } {
  const orientation = (c.req.query('orientation') || 'landscape') as Orientation;
  if (orientation !== 'landscape' && orientation !== 'portrait') {
    throw new ApiError('INVALID_PARAMETER', {
      field: 'orientation',
      message: '屏幕方向只能是 landscape 或 portrait。',
    });
  }
  const pageRaw = c.req.query('page') || '1';
  if (!/^\d{1,4}$/.test(pageRaw) || Number(pageRaw) < 1) {
    throw new ApiError('INVALID_PARAMETER', { field: 'page', message: '页码必须是大于 0 的整数。' });
  }
  const court = c.req.query('court')?.trim().slice(0, 100) || undefined;
  const region = c.req.query('region')?.trim().slice(0, 50) || undefined;
  return {
    orientation,
    page: Number(pageRaw),
    ...(court ? { court } : {}),
    ...(region ? { region } : {}),
    ...(livelihood ? { livelihood } : {}),
  };
}

const png = (c: Context<AppEnv>, body: Buffer) =>
  c.body(new Uint8Array(body), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' });

/**
 * Large-screen slides, share cards and the kiosk page. Everything is drawn from the public read
 * model; a page beyond the last one answers the last page's neighbour rule: 400 (so a kiosk that
 * lost track restarts at page 1).
 */
export function registerScreens(app: Hono<AppEnv>, deps: AppDeps, cache: ScreenCache): void {
  const siteUrl = deps.env.SITE_URL ?? `http://${deps.env.HOST}:${deps.env.PORT}`;
  const courtName = (key: BoardKey) => key.court ?? DEFAULT_COURT_NAME;

  async function slide(c: Context<AppEnv>, livelihood: boolean) {
    const key = boardKey(c, livelihood);
    const { page, ...planKey } = key;
    const plan = await cache.plan(planKey);
    if (page > plan.pages)
      throw new ApiError('INVALID_PARAMETER', {
        field: 'page',
        message: `页码超出范围，共 ${plan.pages} 页。`,
      });
    return { key, planKey, plan, listings: plan.slides[page - 1] ?? [] };
  }

  app.get('/api/v1/screens/board.json', async (c) => {
    const { key, plan, listings } = await slide(c, c.req.query('livelihood') === 'true');
    c.header('Cache-Control', 'no-store');
    return c.json({ page: key.page, pages: plan.pages, listingIds: listings.map((l) => l.id) });
  });

  for (const [path, livelihood] of [
    ['/api/v1/screens/board.png', false],
    ['/api/v1/screens/livelihood.png', true],
  ] as const) {
    app.get(path, async (c) => {
      const { key, plan, listings } = await slide(c, livelihood || c.req.query('livelihood') === 'true');
      const input = {
        listings,
        page: key.page,
        pages: plan.pages,
        courtName: courtName(key),
        orientation: key.orientation,
        siteUrl,
        demo: listings.some((l) => l.demo),
      };
      const render = key.livelihood ? () => renderLivelihoodSlide(input) : () => renderBoardSlide(input);
      return png(c, await cache.image(`${path}|${JSON.stringify(key)}`, render));
    });
  }

  app.get('/api/v1/screens/stats.png', async (c) => {
    const key = boardKey(c);
    const stats = await computeStats(deps);
    return png(
      c,
      await cache.image(`stats|${JSON.stringify(key)}`, () =>
        renderStatsSlide({
          ...stats,
          courtName: courtName(key),
          siteUrl,
          orientation: key.orientation,
          demo: stats.demo,
        }),
      ),
    );
  });

  app.get('/api/v1/screens/neutral.png', async (c) => {
    const key = boardKey(c);
    return png(
      c,
      await cache.image(`neutral|${JSON.stringify(key)}`, () =>
        renderNeutralSlide({ courtName: courtName(key), orientation: key.orientation }),
      ),
    );
  });

  app.get('/api/v1/screens/cards/:file', async (c) => {
    const m = /^([0-9A-Za-z_-]{1,64})\.png$/.exec(c.req.param('file'));
    if (!m?.[1]) throw new ApiError('LISTING_NOT_FOUND');
    const listing = await deps.search.get(m[1]);
    if (!listing) throw new ApiError('LISTING_NOT_FOUND');
    return png(c, await cache.image(`card|${listing.id}`, () => renderShareCard(listing, { siteUrl })));
  });
}

/** `/screen`: the kiosk page that loops the slides full-screen. */
export function registerKiosk(app: Hono<AppEnv>): void {
  // blob: is the neutral slide, which the kiosk keeps in memory to show while the network is down
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";
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
