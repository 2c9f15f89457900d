import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { replaceDir, runBuildChild } from '../../build/build-child.ts';
import { newestSourceMtime, SKIPPED_BY_DEFAULT, sourceDigest } from '../../build/source-digest.ts';
import type { AppEnv } from '../../context.ts';

/** The Taro app; `npm run build:h5` writes its H5 build to `dist/h5`. */
export const MINIPROGRAM_ROOT_DIR = fileURLToPath(new URL('../../../../miniprogram/', import.meta.url));
export const MINIPROGRAM_H5_DIST_DIR = join(MINIPROGRAM_ROOT_DIR, 'dist', 'h5');
export const MINIPROGRAM_PATH = '/m/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The H5 build's CSP: the site's policy, except that Taro's web components inject `<style>`
 * elements and style attributes (style-src 'unsafe-inline'), its index.html sets the rem base
 * in one inline script (allowed by hash, computed from the served file), chosen photos are
 * blob: URLs (shown and read back for upload). Everything else stays 'self'.
 */
function h5Policy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:", // the tip form reads chosen photos back from their blob: URLs
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The site's Permissions-Policy, except that this origin's own pages may ask for the position. */
export const H5_PERMISSIONS =
  'camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()';

/**
 * Serves the mini-program's H5 build at `/m/` (official-account menu, testing). It routes by
 * hash (`/m/#/pages/...`), so every other path answers its index; hashed assets are immutable.
 */
export function mountMiniprogram(
  app: Hono<AppEnv>,
  opts: { headers: () => Record<string, string>; distDir?: string },
) {
  const root = opts.distDir ?? MINIPROGRAM_H5_DIST_DIR;
  app.get('/m', (c) => c.redirect(MINIPROGRAM_PATH, 301));
  app.get(`${MINIPROGRAM_PATH}*`, async (c) => {
    const rel = c.req.path.slice(MINIPROGRAM_PATH.length);
    const full = normalize(join(root, rel));
    const isAsset = rel !== '' && full.startsWith(root + sep) && !rel.endsWith('.html') && existsSync(full);
    const file = isAsset ? full : join(root, 'index.html');
    const body = await readFile(file).catch(() => null);
    for (const [k, v] of Object.entries(opts.headers())) c.header(k, v);
    if (!body) {
      return c.html(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>失信曝光台</title><p>移动版尚未生成，请运行 npm run build:h5。</p></html>',
        503,
      );
    }
    if (!isAsset) {
      c.header('Content-Security-Policy', h5Policy(body.toString('utf8')));
      // the tip form's "使用当前位置" reads the position once, after the person agreed
      c.header('Permissions-Policy', H5_PERMISSIONS);
    }
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    c.header('Cache-Control', isAsset ? 'public, max-age=31536000, immutable' : 'no-store');
    return c.body(new Uint8Array(body), 200);
  });
}

/** What the H5 build is made of: the app, its build config, the notices and the packages it bundles. */
const MINIPROGRAM_SOURCES = [
  'src',
  'config',
  'scripts',
  'package.json',
  'babel.config.js',
  'project.config.json',
  '../../content',
  '../../packages/contract/src',
  '../../packages/domain/src',
];
/** `scripts/gen-notices.mts` writes this from `content/` (covered above), so it is not a source. */
const SKIPPED = new Set([...SKIPPED_BY_DEFAULT, 'notices-data.ts']);
const DIGEST_FILE = '.source-digest';

/**
 * Is `dist/h5` the build of today's sources? Yes when its stamp says so; a build without a stamp
 * (from `npm run build:h5`) is adopted, and stamped, when it is newer than every source file.
 */
function h5BuildIsCurrent(digest: string): boolean {
  const index = join(MINIPROGRAM_H5_DIST_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const stamp = join(MINIPROGRAM_H5_DIST_DIR, DIGEST_FILE);
  if (existsSync(stamp)) return readFileSync(stamp, 'utf8') === digest;
  if (statSync(index).mtimeMs < newestSourceMtime(MINIPROGRAM_ROOT_DIR, MINIPROGRAM_SOURCES, SKIPPED))
    return false;
  writeFileSync(stamp, digest);
  return true;
}

/**
 * Builds the H5 app when `dist/h5` is missing (a fresh clone) or was built from other sources (an
 * update), in a child process without the server's secrets (`runBuildChild`). Built into a
 * staging folder and renamed, so servers starting together never serve half a build.
 */
export async function ensureMiniprogramBuilt(progress: (msg: string) => void): Promise<void> {
  const digest = sourceDigest(MINIPROGRAM_ROOT_DIR, MINIPROGRAM_SOURCES, SKIPPED);
  if (h5BuildIsCurrent(digest)) return;
  if (existsSync(MINIPROGRAM_H5_DIST_DIR)) progress('小程序移动版代码已更新，正在重新生成…');
  else progress('正在生成小程序移动版（首次启动约需一分钟）…');
  const require = createRequire(join(MINIPROGRAM_ROOT_DIR, 'package.json'));
  const taroBin = join(dirname(require.resolve('@tarojs/cli/package.json')), 'bin', 'taro');
  const stagingName = `dist/h5.staging-${process.pid}`;
  const staging = join(MINIPROGRAM_ROOT_DIR, stagingName);
  try {
    const cwd = MINIPROGRAM_ROOT_DIR;
    await runBuildChild('mini-program notices', ['scripts/gen-notices.mts'], { cwd });
    await runBuildChild('mini-program H5 build', [taroBin, 'build', '--type', 'h5'], {
      cwd,
      env: { MINIPROGRAM_OUTPUT_ROOT: stagingName },
    });
  } catch (err) {
    rmSync(staging, { recursive: true, force: true }); // no half build left behind
    throw err;
  }
  writeFileSync(join(staging, DIGEST_FILE), digest);
  replaceDir(staging, MINIPROGRAM_H5_DIST_DIR);
}
