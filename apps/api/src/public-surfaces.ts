import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toListingRecord } from '@portal/db';
import { listings } from '@portal/db/schema';
import { toPublicListing } from '@portal/domain';
import { eq } from 'drizzle-orm';
import { ensureConsoleBuilt, mountConsole } from './features/console/console-static.ts';
import { ensureMiniprogramBuilt, mountMiniprogram } from './features/miniprogram/miniprogram-static.ts';
import { createSiteBuilder } from './features/site/site-builder.ts';
import { mountStaticSite } from './features/site/static-site.ts';
import { computeStats } from './features/stats/stats-routes.ts';
import type { Runtime } from './runtime.ts';

const SECURITY_HEADERS_FILE = fileURLToPath(new URL('../../web/security-headers.json', import.meta.url));

function siteHeaders(): Record<string, string> {
  if (!existsSync(SECURITY_HEADERS_FILE)) return {};
  return JSON.parse(readFileSync(SECURITY_HEADERS_FILE, 'utf8')) as Record<string, string>;
}

/**
 * Mounts what the public sees outside `/api/v1`: the static site (built now, rebuilt after
 * publish/remove changes).
 */
export async function mountPublicSurfaces(runtime: Runtime, progress: (msg: string) => void) {
  const { deps } = runtime;
  const site = createSiteBuilder({
    dataDir: deps.env.DATA_DIR,
    logger: deps.logger,
    snapshot: async () => {
      const rows = await deps.db.select().from(listings).where(eq(listings.status, 'published'));
      return {
        generatedAt: new Date().toISOString(),
        listings: rows.map((r) => toPublicListing(toListingRecord(r))),
        stats: await computeStats(deps),
      };
    },
  });
  runtime.onIndexChanged.add(() => site.schedule());
  const headers = siteHeaders();
  await ensureConsoleBuilt(progress);
  mountConsole(runtime.app, { headers: () => headers });
  await ensureMiniprogramBuilt(progress);
  mountMiniprogram(runtime.app, { headers: () => headers });
  mountStaticSite(runtime.app, {
    root: () => site.current(),
    headers: () => headers,
    isPublished: async (id) => (await deps.search.get(id)) !== null,
  });
  if (deps.env.SITE_BUILD === '1') {
    progress('正在生成公开网站（首次启动约需十余秒）…');
    await site.buildNow();
  }
  return { stop: () => site.stop() };
}
