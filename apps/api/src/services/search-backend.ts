import { createEmbeddedIndex, createMeilisearchIndex, type SearchIndex } from '@portal/search';
import type { Env } from '../env.ts';

/** Meilisearch when `MEILI_URL` is set (production), the in-process engine otherwise. */
export async function openSearchIndex(env: Env, hashIdentifier: (v: string) => string): Promise<SearchIndex> {
  if (env.MEILI_URL) {
    return createMeilisearchIndex({
      host: env.MEILI_URL,
      ...(env.MEILI_KEY ? { apiKey: env.MEILI_KEY } : {}),
      indexUid: env.MEILI_INDEX,
      hashIdentifier,
    });
  }
  return createEmbeddedIndex({ hashIdentifier });
}
