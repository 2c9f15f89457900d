import type { PublicListing } from '@portal/domain';
import { requestJson } from '../shared/api-error.ts';
import { type SearchState, toApiParams } from './search-state.ts';

export type FacetCounts = Record<string, number>;

/** `GET /api/v1/search` response (CONTRACT.md). */
export interface SearchResponse {
  hits: PublicListing[];
  total: number;
  page: number;
  pageSize: number;
  facets: { category?: FacetCounts; region?: FacetCounts; kind?: FacetCounts; court?: FacetCounts };
}

/** Runs one search; throws ApiError (zh-CN message) or AbortError. */
export function searchListings(state: SearchState, signal: AbortSignal): Promise<SearchResponse> {
  return requestJson<SearchResponse>(`/api/v1/search?${toApiParams(state)}`, { signal });
}
