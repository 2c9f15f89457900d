import { deckZipRoute, newspaperPdfRoute } from '@portal/contract';
import { todayInChina } from '@portal/domain';
// the limit only: the renderer itself loads in the graphics worker
import { MAX_NEWSPAPER_LISTINGS } from '@portal/graphics/newspaper-limits';
import type { ApiApp, AppDeps } from '../../context.ts';
import { staffOf } from '../../http/require-staff.ts';
import { siteUrlOf } from '../screens/screens-routes.ts';
import { assertCourtAdmin } from '../staff/staff-auth.ts';
import { deckFiles } from './deck-files.ts';
import { zipStream } from './deck-zip.ts';
import { newspaperListings } from './newspaper-listings.ts';

/** `attachment` with an ASCII fallback name and the zh-CN one (RFC 6266 / 5987). */
function attachment(ascii: string, zh: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;
}

/**
 * The media pack for court admins (console screen 媒体素材): the newspaper page PDF of the
 * published list and the TV deck as one ZIP. Both are drawn in the graphics worker thread, so
 * the API keeps answering while a large edition is set.
 */
export function registerAdminMedia(app: ApiApp, deps: AppDeps): void {
  const siteUrl = siteUrlOf(deps);

  app.openapi(newspaperPdfRoute, async (c) => {
    assertCourtAdmin(staffOf(c));
    const { size } = c.req.valid('query');
    const today = todayInChina(deps.now());
    const list = await newspaperListings(deps.db, today, MAX_NEWSPAPER_LISTINGS);
    const pdf = await deps.screens.renderer.render('newspaper', {
      listings: list.listings,
      total: list.total,
      size,
      siteUrl,
      asOf: today,
    });
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(
        `newspaper-${size}-${today}.pdf`,
        `失信被执行人名单公告-${size}-${today}.pdf`,
      ),
      'Cache-Control': 'no-store',
    });
  });

  app.openapi(deckZipRoute, async (c) => {
    assertCourtAdmin(staffOf(c));
    const q = c.req.valid('query');
    const today = todayInChina(deps.now());
    const files = await deckFiles(deps, siteUrl, q);
    return c.body(zipStream(files), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': attachment(`tv-deck-${q.orientation}-${today}.zip`, `电视轮播素材-${today}.zip`),
      'Cache-Control': 'no-store',
    });
  });
}
