export { InvalidSearchDocumentError } from './document-checks.ts';
export { EmbeddedSearchIndex, type StoredEntry } from './embedded/embedded-search-index.ts';
export {
  readSnapshotHeader,
  SNAPSHOT_FORMAT,
  SnapshotError,
  type SnapshotHeader,
  type SnapshotMeta,
  writeSnapshotFile,
} from './embedded/snapshot.ts';
export { SearchError, SearchQueryError, SearchUnavailableError } from './errors.ts';
export {
  createIdentifierHasher,
  normalizeIdentifier,
  orgCodeQuery,
  parseFullIdentifier,
} from './identifier.ts';
export { MEILI_SETTINGS } from './meilisearch/meili-settings.ts';
export {
  type MeilisearchIndexOptions,
  MeilisearchSearchIndex,
} from './meilisearch/meilisearch-search-index.ts';
export { normalizeForSearch } from './normalize.ts';
export { type OpenSearchIndexOptions, openSearchIndex } from './open-search-index.ts';
export { MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW } from './query.ts';
export type * from './search-index.ts';
