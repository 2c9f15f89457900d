/**
 * Builds the site and exports a static snapshot of it: the shell the server builds
 * (`@portal/web/server` `buildSite`, data-independent) plus every on-demand page (listing pages,
 * home, stats) rendered from the snapshot in `dataFile` by the same renderer the server uses, so
 * `outDir` can be served by any static file server (web tests, a static host or CDN).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite as buildShell, loadSiteRenderer, type PageLocals } from '../server/index.ts';
import { siteSnapshotSchema } from '../src/data/snapshot-schema.ts';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds and exports; resolves with the wall time in ms, rejects with the build's output on failure. */
export async function buildSite(dataFile: string, outDir: string): Promise<number> {
  const started = performance.now();
  const parsed = siteSnapshotSchema.safeParse(JSON.parse(readFileSync(dataFile, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${dataFile} is invalid at ${first?.path.join('.')}: ${first?.message}`);
  }
  const data = parsed.data as unknown as {
    generatedAt: string;
    listings: Extract<PageLocals, { page: 'listing' }>['listing'][];
    stats: Extract<PageLocals, { page: 'stats' }>['stats'];
  };
  const buildDir = `${resolve(outDir)}.build`;
  rmSync(buildDir, { recursive: true, force: true });
  await buildShell(buildDir).done;
  const site = await loadSiteRenderer(buildDir);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(site.clientDir, outDir, { recursive: true });
  const write = async (path: string, locals: PageLocals) => {
    const res = await site.renderPage(new Request(`http://portal.local${path}`), locals);
    if (res?.status !== 200) throw new Error(`rendering ${path} failed: ${res?.status}`);
    const dir = join(outDir, path);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), await res.text());
  };
  const newest = [...data.listings].sort(
    (a, b) => b.listedAt.localeCompare(a.listedAt) || a.id.localeCompare(b.id),
  );
  const { generatedAt, stats } = data;
  await write('/', {
    page: 'home',
    generatedAt,
    latest: newest.slice(0, 6),
    livelihood: newest.filter((l) => l.livelihood).slice(0, 4),
    hasDemo: data.listings.some((l) => l.demo),
    stats,
  });
  await write('/stats/', { page: 'stats', generatedAt, stats });
  for (const listing of data.listings)
    await write(`/listings/${listing.id}/`, { page: 'listing', generatedAt, listing });
  rmSync(buildDir, { recursive: true, force: true });
  return performance.now() - started;
}
