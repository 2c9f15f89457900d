import type { DeckQuery } from '@portal/contract';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { boardSlide, statsSlide } from '../screens/screens-routes.ts';
import type { ZipEntry } from './deck-zip.ts';

/** What `manifest.json` in the deck says: the same shape the deck export CLI writes. */
export interface DeckManifest {
  exportedAt: string;
  orientation: DeckQuery['orientation'];
  slides: { file: string; page?: number; listingIds?: string[] }[];
  warnings: string[];
}

/**
 * The TV deck's files, as the deck export (packages/graphics/src/cli/export-deck.ts) writes them:
 * `board-001.png` … one per page of the rotating board, `stats.png`, then `manifest.json` naming
 * the listing ids on every slide. Slides come from the screen cache, so they are the very images
 * the kiosk shows. The first page is drawn before the first byte is sent (`first`), so a failure
 * there still answers with the error envelope.
 */
export async function deckFiles(
  deps: Pick<AppDeps, 'db' | 'now' | 'screens'>,
  siteUrl: string,
  q: DeckQuery,
): Promise<AsyncIterable<ZipEntry>> {
  const slide = (page: number) =>
    boardSlide(deps.screens, siteUrl, { orientation: q.orientation, page, livelihood: false });
  const first = await slide(1);
  const digits = Math.max(3, String(first.pages).length);
  const manifest: DeckManifest = {
    exportedAt: deps.now().toISOString(),
    orientation: q.orientation,
    slides: [],
    warnings: [],
  };
  return (async function* () {
    for (let page = 1; page <= first.pages; page++) {
      let s = first;
      if (page > 1) {
        try {
          s = await slide(page);
        } catch (err) {
          // the list changed while the deck was being written and the board has fewer pages now
          if (!(err instanceof ApiError && err.code === 'INVALID_PARAMETER')) throw err;
          manifest.warnings.push(`导出期间名单发生变化，轮播页只导出到第 ${page - 1} 页，请重新导出。`);
          break;
        }
      }
      const file = `board-${String(page).padStart(digits, '0')}.png`;
      manifest.slides.push({ file, page, listingIds: s.listingIds });
      yield { name: file, bytes: s.png };
    }
    yield { name: 'stats.png', bytes: await statsSlide(deps, deps.screens, siteUrl, q) };
    manifest.slides.push({ file: 'stats.png' });
    yield { name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
  })();
}
