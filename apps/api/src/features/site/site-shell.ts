import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  buildSite,
  loadSiteRenderer,
  type SiteBuild,
  type SiteRenderer,
  siteSourceDigest,
} from '@portal/web/server';
import type { Logger } from '../../logger.ts';

export interface SiteShell {
  /** The renderer once a build is ready (undefined while the first build runs). */
  current(): SiteRenderer | undefined;
  /** Resolves when the site is ready (or failed: then `current()` stays undefined). */
  ready: Promise<void>;
  /** Kills a running build and waits for it: nothing keeps writing into DATA_DIR after this. */
  stop(): Promise<void>;
}

/**
 * The site's static shell and on-demand renderer. The build reads no data, so it runs once per
 * version of the site's sources (folder `DATA_DIR/site/<digest>`), not per change: start-up and
 * memory do not grow with the number of listings, and a restart reuses the previous build.
 */
export function openSiteShell(opts: { dataDir: string; logger: Logger }): SiteShell {
  const root = resolve(opts.dataDir, 'site');
  let renderer: SiteRenderer | undefined;
  let build: SiteBuild | undefined;
  let stopped = false;

  async function prepare() {
    const digest = siteSourceDigest();
    const dir = join(root, digest);
    if (!existsSync(join(dir, '.complete'))) {
      await mkdir(root, { recursive: true });
      const partial = `${dir}.partial-${process.pid}`;
      await rm(partial, { recursive: true, force: true });
      const started = performance.now();
      build = buildSite(partial);
      try {
        await build.done;
      } finally {
        build = undefined;
      }
      if (stopped) return;
      await writeFile(join(partial, '.complete'), new Date().toISOString());
      await rm(dir, { recursive: true, force: true });
      await rename(partial, dir);
      opts.logger.info({ ms: Math.round(performance.now() - started), dir }, 'site built');
    }
    if (stopped) return;
    renderer = await loadSiteRenderer(dir);
    // earlier builds (older sources, interrupted builds) are of no further use
    for (const name of await readdir(root)) {
      if (name !== digest) await rm(join(root, name), { recursive: true, force: true });
    }
  }

  const ready = prepare().catch((err) => {
    if (!stopped) opts.logger.error({ err }, 'site build failed; the site answers 503');
  });
  return {
    current: () => renderer,
    ready,
    async stop() {
      stopped = true;
      build?.kill();
      await ready;
    },
  };
}
