import { EmbeddedSearchIndex } from './embedded/embedded-search-index.ts';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search-index.ts';
import type { SearchIndex } from './search-index.ts';

export interface OpenSearchIndexOptions {
  /** keyed hash of full identifiers (`createIdentifierHasher(secret)`) */
  hashIdentifier: (value: string) => string;
  /** Meilisearch when set (`MEILI_URL`), else the embedded index */
  meiliUrl?: string | undefined;
  meiliKey?: string | undefined;
  meiliIndexUid?: string | undefined;
}

/**
 * The read model the configuration asks for: Meilisearch when a URL is given, else the embedded
 * index (empty: the caller rebuilds it from the database).
 * @example
 * const index = await openSearchIndex({ hashIdentifier, meiliUrl: env.MEILI_URL, meiliKey: env.MEILI_KEY });
 */
export async function openSearchIndex(options: OpenSearchIndexOptions): Promise<SearchIndex> {
  const { hashIdentifier, meiliUrl, meiliKey, meiliIndexUid } = options;
  if (!meiliUrl) return new EmbeddedSearchIndex({ hashIdentifier });
  return MeilisearchSearchIndex.open({
    hashIdentifier,
    url: meiliUrl,
    ...(meiliKey ? { apiKey: meiliKey } : {}),
    ...(meiliIndexUid ? { indexUid: meiliIndexUid } : {}),
  });
}
