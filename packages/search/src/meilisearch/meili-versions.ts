import type { Index } from 'meilisearch';
import type { SearchDocument } from '../search-index.ts';
import type { MeiliDocument } from './meili-document.ts';

const PAGE = 1000;
/** ids travel in the query string of GET /documents: keep the URL short */
const IDS_PER_REQUEST = 100;

/** id → stored version, for the given ids or (without ids) the whole index. */
export async function readVersions(
  index: Index<MeiliDocument>,
  ids?: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const step = ids ? IDS_PER_REQUEST : PAGE;
  for (let offset = 0; ; offset += step) {
    const chunk = ids?.slice(offset, offset + step);
    if (chunk?.length === 0) return out;
    const page = await index.getDocuments({
      fields: ['id', 'version'],
      limit: step,
      ...(chunk ? { ids: chunk } : { offset }),
    });
    for (const doc of page.results) out.set(String(doc.id), Number(doc.version));
    if (!chunk && page.results.length < PAGE) return out;
  }
}

/**
 * The documents to write: those newer than or as new as what is stored (an equal version
 * rewrites the same content), the newest per id when a batch holds several.
 */
export function newerOnly(docs: SearchDocument[], stored: Map<string, number>): SearchDocument[] {
  const best = new Map<string, SearchDocument>();
  for (const doc of docs) {
    const held = best.get(doc.id);
    if (
      (held === undefined || doc.version >= held.version) &&
      doc.version >= (stored.get(doc.id) ?? -Infinity)
    ) {
      best.set(doc.id, doc);
    }
  }
  return [...best.values()];
}
