import type { CategoryCode, PublicListing } from '@portal/domain';

/** A public listing as the read model stores it: the public projection plus bookkeeping. */
export interface SearchDocument extends PublicListing {
  /** monotonically increasing per listing; an older version never overwrites a newer one */
  version: number;
  /** keyed hash (HMAC-SHA256, hex) of the identifier's match form: masked person ID, full USCC; never the clear value */
  identifierKey?: string;
}

export type SearchSort = 'relevance' | 'amount:desc' | 'amount:asc' | 'listedAt:desc' | 'listedAt:asc';

export interface SearchFilters {
  kind?: 'person' | 'org';
  category?: CategoryCode;
  region?: string;
  court?: string;
  livelihood?: boolean;
}

export interface SearchQuery {
  q?: string;
  filters?: SearchFilters;
  sort?: SearchSort;
  /** from 1 */
  page?: number;
  pageSize?: number;
}

/** Counts per facet value over the whole match set (see each adapter for the filter semantics). */
export interface FacetCounts {
  category: Record<string, number>;
  region: Record<string, number>;
  kind: Record<string, number>;
  court: Record<string, number>;
}

export interface SearchResult {
  hits: PublicListing[];
  total: number;
  page: number;
  pageSize: number;
  facets: FacetCounts;
}

/**
 * The public read model. Derived from the system of record: it can always be rebuilt, and the
 * publisher's reconcile pass repairs drift through `listVersions`.
 */
export interface SearchIndex {
  readonly engine: 'embedded' | 'meilisearch';
  /** idempotent; an older version never overwrites a newer one */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** idempotent */
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  get(id: string): Promise<PublicListing | null>;
  count(): Promise<number>;
  /** id → version, for the reconcile pass */
  listVersions(): Promise<Map<string, number>>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** Options every adapter takes. */
export interface SearchIndexOptions {
  /** keyed hash of the identifier's match form (masked person ID / full USCC), as built by `createIdentifierHasher` */
  hashIdentifier: (value: string) => string;
}
