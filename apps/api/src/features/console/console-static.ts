import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { CONSOLE_DIST_DIR, CONSOLE_ROOT_DIR } from '@portal/console/dist-dir';
import type { Hono } from 'hono';
import { replaceDir, runBuildChild } from '../../build/build-child.ts';
import { sourceDigest } from '../../build/source-digest.ts';
import type { AppEnv } from '../../context.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const CONSOLE_PATH = '/console/';

/**
 * Serves the staff console (a static single-page app) at `/console/` with the site's security
 * headers. Unknown paths under it answer the app's index so a reload keeps the screen; assets
 * are immutable (hashed names). The console reads data only through the staff API.
 */
export function mountConsole(
  app: Hono<AppEnv>,
  opts: { headers: () => Record<string, string>; distDir?: string },
) {
  const root = opts.distDir ?? CONSOLE_DIST_DIR;
  app.get('/console', (c) => c.redirect(CONSOLE_PATH, 301));
  app.get(`${CONSOLE_PATH}*`, async (c) => {
    const rel = c.req.path.slice(CONSOLE_PATH.length);
    const full = normalize(join(root, rel));
    const inside = full.startsWith(root + sep);
    const isAsset = inside && rel.startsWith('assets/') && existsSync(full);
    const isIcon = rel === 'favicon.svg' && existsSync(full);
    const file = isAsset || isIcon ? full : join(root, 'index.html');
    const body = await readFile(file).catch(() => null);
    for (const [k, v] of Object.entries(opts.headers())) c.header(k, v);
    c.header('X-Robots-Tag', 'noindex, nofollow');
    if (!body) {
      return c.html(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台</title><p>工作台尚未生成，请运行 npm run build:console。</p></html>',
        503,
      );
    }
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    c.header(
      'Cache-Control',
      isAsset ? 'public, max-age=31536000, immutable' : isIcon ? 'public, max-age=86400' : 'no-store',
    );
    return c.body(new Uint8Array(body), 200);
  });
}

/** What the console's bundle is made of (its own sources and the packages it bundles). */
const CONSOLE_SOURCES = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
  '../../packages/contract/src',
  '../../packages/domain/src',
];
const DIGEST_FILE = '.source-digest';

/**
 * Builds the console when `dist/` is missing (a fresh clone) or was built from other sources (an
 * update), in a child process without the server's secrets (`runBuildChild`).
 */
export async function ensureConsoleBuilt(progress: (msg: string) => void): Promise<void> {
  const digest = sourceDigest(CONSOLE_ROOT_DIR, CONSOLE_SOURCES);
  const stamp = join(CONSOLE_DIST_DIR, DIGEST_FILE);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  progress(existsSync(CONSOLE_DIST_DIR) ? '工作台代码已更新，正在重新生成…' : '正在生成工作台（首次启动）…');
  const vitePackage = createRequire(join(CONSOLE_ROOT_DIR, 'package.json')).resolve('vite/package.json');
  const viteBin = join(dirname(vitePackage), 'bin', 'vite.js');
  const staging = `${CONSOLE_DIST_DIR}.staging-${process.pid}`;
  // built beside dist/ and renamed into place: servers starting together never see half a build
  try {
    await runBuildChild('console build', [viteBin, 'build', '--logLevel', 'warn', '--outDir', staging], {
      cwd: CONSOLE_ROOT_DIR,
    });
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  writeFileSync(join(staging, DIGEST_FILE), digest);
  replaceDir(staging, CONSOLE_DIST_DIR);
}
