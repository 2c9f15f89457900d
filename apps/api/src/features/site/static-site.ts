import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

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
};

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

export interface StaticSiteOptions {
  /** The folder to serve now (it changes after each rebuild). */
  root: () => string | undefined;
  /** Security headers (CSP …) the site declares for its pages. */
  headers: () => Record<string, string>;
  /**
   * Live gate for listing pages: a static page can lag behind a removal until the next rebuild,
   * so a listing page is served only while the read model still publishes the listing.
   */
  isPublished: (id: string) => Promise<boolean>;
}

/** Serves the built Astro site at `/` (GET/HEAD only), after every API route. */
export function mountStaticSite(app: Hono<AppEnv>, opts: StaticSiteOptions): void {
  app.get('*', async (c) => {
    const root = opts.root();
    const path = c.req.path;
    if (!root) {
      return c.html(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>失信曝光台</title><p>网站正在生成，请稍候刷新。</p></html>',
        503,
        {
          'Retry-After': '5',
        },
      );
    }
    for (const [k, v] of Object.entries(opts.headers())) c.header(k, v);
    const listingMatch = /^\/listings\/([0-9A-Za-z_-]{1,64})\/?(index\.html)?$/.exec(path);
    if (listingMatch?.[1] && !(await opts.isPublished(listingMatch[1]))) {
      return serveNotFound(c, root, 410);
    }
    const file = await fileIn(root, path);
    if (!file) return serveNotFound(c, root, 404);
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = path.startsWith('/_astro/');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(body, 200, { 'Content-Type': type });
  });
}

async function serveNotFound(c: Context<AppEnv>, root: string, status: 404 | 410) {
  // 410: the site's own "removed" page; 404: its general not-found page
  const pageFile = status === 410 ? join(root, 'removed', 'index.html') : join(root, '404.html');
  const page = await readFile(pageFile).catch(() => readFile(join(root, '404.html')).catch(() => undefined));
  c.header('Cache-Control', 'no-cache');
  if (page) return c.body(page, status, { 'Content-Type': 'text/html; charset=utf-8' });
  return c.html(
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>未找到</title><p>未找到该页面。</p></html>',
    status,
  );
}
