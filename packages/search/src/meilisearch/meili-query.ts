import type { MultiSearchQuery } from 'meilisearch';
import { PUBLIC_FIELDS } from '../public-listing.ts';
import type { ResolvedQuery } from '../query.ts';
import type { SearchFilters } from '../search-index.ts';
import type { EncodedQuery } from './meili-query-text.ts';

export const FACETS = ['category', 'region', 'kind', 'court'] as const;
export type FacetName = (typeof FACETS)[number];

function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** What narrows a search besides the text: the identifier key and re-check exclusions. */
export interface QueryScope {
  identifierKey: string | null;
  /** ids Meilisearch's phrase match returns but the listing does not contain the query */
  exclude: string[];
}

/** Meilisearch filter expressions for the filters, optionally leaving one facet's own filter out. */
export function filterExpressions(filters: SearchFilters, scope: QueryScope, without?: FacetName) {
  const out: string[] = [];
  if (scope.identifierKey !== null) out.push(`identifierKey = ${quote(scope.identifierKey)}`);
  if (scope.exclude.length > 0) out.push(`id NOT IN [${scope.exclude.map(quote).join(', ')}]`);
  if (filters.kind !== undefined && without !== 'kind') out.push(`kind = ${quote(filters.kind)}`);
  if (filters.category !== undefined && without !== 'category') out.push(`category = ${filters.category}`);
  if (filters.region !== undefined && without !== 'region') out.push(`region = ${quote(filters.region)}`);
  if (filters.court !== undefined && without !== 'court') out.push(`court = ${quote(filters.court)}`);
  if (filters.livelihood !== undefined) out.push(`livelihood = ${filters.livelihood}`);
  return out;
}

function sortOf(query: ResolvedQuery, text: EncodedQuery | null): string[] | undefined {
  switch (query.sort) {
    case 'amount:desc':
      return ['amountOwedFen:desc', 'id:asc'];
    case 'amount:asc':
      return ['amountOwedFen:asc', 'id:asc'];
    case 'listedAt:desc':
      return ['listedAtDay:desc', 'id:asc'];
    case 'listedAt:asc':
      return ['listedAtDay:asc', 'id:asc'];
    default:
      return text === null ? ['listedAtDay:desc', 'id:asc'] : undefined; // browse: newest first, like embedded
  }
}

/**
 * One multi-search: the page itself (with every filter, facets of the unfiltered fields), then one
 * `limit 0` query per facet whose own filter is set, without that filter: disjunctive facets, as
 * the embedded adapter computes them. `text` null = browse (or an identifier look-up).
 */
export function buildQueries(
  indexUid: string,
  query: ResolvedQuery,
  text: EncodedQuery | null,
  scope: QueryScope,
) {
  const own = FACETS.filter((f) => query.filters[f] !== undefined);
  const q = text?.q ?? '';
  const main: MultiSearchQuery = {
    indexUid,
    q,
    filter: filterExpressions(query.filters, scope),
    facets: [...FACETS],
    page: query.page,
    hitsPerPage: query.pageSize,
    attributesToRetrieve: [...PUBLIC_FIELDS],
    matchingStrategy: 'last',
  };
  const sort = sortOf(query, text);
  if (sort) main.sort = sort;
  const facetQueries: MultiSearchQuery[] = own.map((facet) => ({
    indexUid,
    q,
    filter: filterExpressions(query.filters, scope, facet),
    facets: [facet],
    limit: 0,
    matchingStrategy: 'last',
  }));
  return { queries: [main, ...facetQueries], own };
}
