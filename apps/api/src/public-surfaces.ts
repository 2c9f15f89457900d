import { SITE_SECURITY_HEADERS } from '@portal/web/server';
import { ensureConsoleBuilt, mountConsole } from './features/console/console-static.ts';
import { ensureMiniprogramBuilt, mountMiniprogram } from './features/miniprogram/miniprogram-static.ts';
import { createPageCache } from './features/site/page-cache.ts';
import { mountSiteRoutes } from './features/site/site-routes.ts';
import { openSiteShell } from './features/site/site-shell.ts';
import type { Runtime } from './runtime.ts';

/**
 * Mounts what the public sees outside `/api/v1`: the staff console's static app, and the site
 * (prerendered shell plus listing pages, home and stats rendered on demand and cached; every
 * change through any process drops the affected pages through the runtime's change listeners).
 */
export function mountPublicSurfaces(runtime: Runtime, progress: (msg: string) => void) {
  const { deps } = runtime;
  const pages = createPageCache();
  runtime.onIndexChanged.add((ids) => (ids === 'all' ? pages.invalidate() : pages.dropListings(ids)));
  const shell =
    deps.env.SITE_BUILD === '1'
      ? openSiteShell({ dataDir: deps.env.DATA_DIR, logger: deps.logger })
      : { current: () => undefined, ready: Promise.resolve(), stop: async () => {} };
  if (deps.env.SITE_BUILD === '1') progress('正在准备公开网站（首次启动或网站更新后约需十秒）…');
  const consoleReady = ensureConsoleBuilt(progress);
  // the console's routes first: the site answers every other GET
  mountConsole(runtime.app, { headers: () => ({ ...SITE_SECURITY_HEADERS }) });
  // a failed H5 build must not keep the portal down: /m/ then answers 503 with how to build it
  const miniprogramReady = ensureMiniprogramBuilt(progress).catch((err: unknown) =>
    deps.logger.error({ err }, 'mini-program H5 build failed; /m/ answers 503 until `npm run build:h5`'),
  );
  mountMiniprogram(runtime.app, { headers: () => ({ ...SITE_SECURITY_HEADERS }) });
  mountSiteRoutes(runtime.app, deps, {
    renderer: () => shell.current(),
    headers: SITE_SECURITY_HEADERS,
    pages,
  });
  /** `ready`: the site can be served; `stop()` also kills a build still running. */
  return {
    pages,
    ready: Promise.all([shell.ready, consoleReady, miniprogramReady]).then(() => {}),
    stop: () => shell.stop(),
  };
}
