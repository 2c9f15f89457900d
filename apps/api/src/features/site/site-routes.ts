import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { type PublicListing, todayInChina } from '@portal/domain';
import type { PageLocals, SiteRenderer } from '@portal/web/server';
import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { listingAvailability } from '../listings/listing-availability.ts';
import { computeStats } from '../stats/stats-routes.ts';
import { type CachedPage, listingPageKey, type PageCache } from './page-cache.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const LISTING_PATH = /^\/listings\/([^/]+)\/?(?:index\.html)?$/;

export interface SiteRoutesOptions {
  renderer: () => SiteRenderer | undefined;
  headers: Readonly<Record<string, string>>;
  pages: PageCache;
}

/**
 * The public site at `/` (GET/HEAD, after every API route): listing pages, home and stats rendered
 * on demand from the read model (cached, dropped by the change feed), every other page and asset
 * from the prerendered shell.
 */
export function mountSiteRoutes(app: Hono<AppEnv>, deps: AppDeps, opts: SiteRoutesOptions): void {
  app.get('*', async (c) => {
    const site = opts.renderer();
    for (const [k, v] of Object.entries(opts.headers)) c.header(k, v);
    if (!site) {
      return c.html(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>失信曝光台</title><p>网站正在准备，请稍候刷新。</p></html>',
        503,
        { 'Retry-After': '5' },
      );
    }
    const path = c.req.path;
    const listing = LISTING_PATH.exec(path);
    if (listing) {
      let id: string;
      try {
        id = decodeURIComponent(listing[1] ?? '');
      } catch {
        return shellPage(c, site, 404);
      }
      const found = await listingAvailability(deps, id);
      if (found.state === 'removed') return shellPage(c, site, 410);
      if (found.state === 'not-found') return shellPage(c, site, 404);
      const page = await opts.pages.getOrRender(listingPageKey(id), () =>
        render(site, `/listings/${id}/`, listingLocals(found.listing)),
      );
      return sendPage(c, page);
    }
    if (path === '/' || path === '/index.html') {
      return sendPage(
        c,
        await opts.pages.getOrRender(`home:${todayInChina(deps.now())}`, async () =>
          render(site, '/', await homeLocals(deps)),
        ),
      );
    }
    if (/^\/stats\/?(?:index\.html)?$/.test(path)) {
      return sendPage(
        c,
        await opts.pages.getOrRender(`stats:${todayInChina(deps.now())}`, async () =>
          render(site, '/stats/', await statsLocals(deps)),
        ),
      );
    }
    const file = await fileIn(site.clientDir, path);
    if (!file) return shellPage(c, site, 404);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    c.header(
      'Cache-Control',
      path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return c.body(await readFile(file), 200, { 'Content-Type': type });
  });
}

async function render(site: SiteRenderer, path: string, locals: PageLocals): Promise<CachedPage> {
  const res = await site.renderPage(new Request(`http://portal.local${path}`), locals);
  if (!res) throw new Error(`no on-demand page for ${path}`);
  // kept as UTF-8 bytes: encoding the page (mostly two-byte CJK text in a JS string) again for
  // every response was ~40% of a cached page's CPU time (tests/bench/listing-pages.bench.ts)
  return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
}

function sendPage(c: Context<AppEnv>, page: CachedPage) {
  // no-cache: a browser or CDN revalidates, so a removal is never served from its copy
  c.header('Cache-Control', 'no-cache');
  return c.body(page.body, page.status as 200, { 'Content-Type': 'text/html; charset=utf-8' });
}

const listingLocals = (listing: PublicListing): PageLocals => ({
  page: 'listing',
  generatedAt: new Date().toISOString(),
  listing,
});

async function homeLocals(deps: AppDeps): Promise<PageLocals> {
  const [latest, livelihood, stats] = await Promise.all([
    deps.search.search({ q: '', filters: {}, sort: 'listedAt:desc', page: 1, pageSize: 6 }),
    deps.search.search({ q: '', filters: { livelihood: true }, sort: 'listedAt:desc', page: 1, pageSize: 4 }),
    computeStats(deps),
  ]);
  return {
    page: 'home',
    generatedAt: new Date().toISOString(),
    latest: latest.hits,
    livelihood: livelihood.hits,
    hasDemo: stats.demo,
    stats,
  };
}

async function statsLocals(deps: AppDeps): Promise<PageLocals> {
  return { page: 'stats', generatedAt: new Date().toISOString(), stats: await computeStats(deps) };
}

/** The shell's "removed" page (410, only after a lawful removal) or its neutral not-found page (404). */
async function shellPage(c: Context<AppEnv>, site: SiteRenderer, status: 404 | 410) {
  const file =
    status === 410 ? join(site.clientDir, 'removed', 'index.html') : join(site.clientDir, '404.html');
  const page = await readFile(file).catch(() => undefined);
  c.header('Cache-Control', 'no-cache');
  if (page) return c.body(page, status, { 'Content-Type': 'text/html; charset=utf-8' });
  return c.html(
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>未找到</title><p>未找到。</p></html>',
    status,
  );
}

async function fileIn(root: string, urlPath: string): Promise<string | undefined> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, rel));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  for (const candidate of [full, join(full, 'index.html'), `${full}.html`]) {
    const s = await stat(candidate).catch(() => undefined);
    if (s?.isFile()) return candidate;
  }
  return undefined;
}
