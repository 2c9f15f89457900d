import type { SearchResult } from '@portal/contract/routes';
import { searchRoute } from '@portal/contract/routes';
import { api } from '../shared/api-error.ts';
import { type SearchState, toApiQuery } from './search-state.ts';

export type SearchResponse = SearchResult;
export type FacetCounts = SearchResult['facets']['category'];

/** Runs one search; throws ApiError (zh-CN message, `retryAfterSeconds` on 429) or AbortError. */
export function searchListings(state: SearchState, signal: AbortSignal): Promise<SearchResponse> {
  return api.call(searchRoute, { query: toApiQuery(state), signal });
}
