import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from '@portal/domain';
import { SearchQueryError } from './errors.ts';
import { orgCodeQuery } from './identifier.ts';
import type { FacetCounts, SearchFilters, SearchQuery, SearchSort } from './search-index.ts';

// one definition with the API's validation and the site's pager (packages/domain/src/search-limits.ts)
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULT_WINDOW };
export const MAX_QUERY_LENGTH = 100;

const SORTS: readonly SearchSort[] = [
  'relevance',
  'amount:desc',
  'amount:asc',
  'listedAt:desc',
  'listedAt:asc',
];

/** A query with defaults applied and every field checked. */
export interface ResolvedQuery {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  pageSize: number;
  offset: number;
}

function positiveInt(value: number | undefined, fallback: number, field: string, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SearchQueryError(field, `${field} must be an integer between 1 and ${max}`);
  }
  return value;
}

/** Applies defaults and rejects what no adapter may serve. Throws `SearchQueryError`. */
export function resolveQuery(query: SearchQuery): ResolvedQuery {
  const raw = (query.q ?? '').trim();
  if (raw.length > MAX_QUERY_LENGTH) throw new SearchQueryError('q', `q is longer than ${MAX_QUERY_LENGTH}`);
  // an organisation code is searched without its hyphen, as the index holds it
  const q = orgCodeQuery(raw) ?? raw;
  const sort = query.sort ?? 'relevance';
  if (!SORTS.includes(sort)) throw new SearchQueryError('sort', `unknown sort ${String(sort)}`);
  const pageSize = positiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 'pageSize', MAX_PAGE_SIZE);
  const page = positiveInt(query.page, 1, 'page', MAX_RESULT_WINDOW);
  const offset = (page - 1) * pageSize;
  if (offset + pageSize > MAX_RESULT_WINDOW) {
    throw new SearchQueryError('page', `results beyond ${MAX_RESULT_WINDOW} are not served`);
  }
  const filters = { ...query.filters };
  const { category, kind } = filters;
  if (category !== undefined && !(Number.isInteger(category) && category >= 1 && category <= 6)) {
    throw new SearchQueryError('category', 'category must be 1–6');
  }
  if (kind !== undefined && kind !== 'person' && kind !== 'org') {
    throw new SearchQueryError('kind', 'kind must be person or org');
  }
  return { q, filters, sort, page, pageSize, offset };
}

export function emptyFacets(): FacetCounts {
  return { category: {}, region: {}, kind: {}, court: {} };
}
