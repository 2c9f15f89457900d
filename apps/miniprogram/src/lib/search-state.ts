/**
 * The search page's state: the same query parameters, defaults, page size and result window as
 * the site's search (apps/web search-state.ts), so both answer a query alike.
 */
import type { SearchQueryInput, SearchSort } from '@portal/contract';
import { DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW } from '@portal/contract/routes';

export const SORT_OPTIONS: readonly { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: '相关度' },
  { value: 'listedAt:desc', label: '最新公布' },
  { value: 'listedAt:asc', label: '最早公布' },
  { value: 'amount:desc', label: '金额从高到低' },
  { value: 'amount:asc', label: '金额从低到高' },
];

export const KIND_OPTIONS = [
  { value: '', label: '全部类型' },
  { value: 'person', label: '自然人' },
  { value: 'org', label: '法人或其他组织' },
] as const;

export const PAGE_SIZE = DEFAULT_PAGE_SIZE;

export interface SearchState {
  q: string;
  kind: '' | 'person' | 'org';
  /** '' or '1'–'6' */
  category: string;
  livelihood: boolean;
  sort: SearchSort;
  page: number;
}

export const EMPTY_STATE: SearchState = {
  q: '',
  kind: '',
  category: '',
  livelihood: false,
  sort: 'relevance',
  page: 1,
};

/** True when there is something to search for (the API serves no unfiltered enumeration). */
export function hasCriteria(s: SearchState): boolean {
  return Boolean(s.q.trim() || s.kind || s.category || s.livelihood || s.sort !== 'relevance');
}

/** The API query for a state; defaults are left out like the site's URLs. */
export function toApiQuery(s: SearchState): SearchQueryInput {
  const query: SearchQueryInput = { pageSize: String(PAGE_SIZE) };
  if (s.q.trim()) query.q = s.q.trim();
  if (s.kind) query.kind = s.kind;
  if (s.category) query.category = s.category;
  if (s.livelihood) query.livelihood = 'true';
  if (s.sort !== 'relevance') query.sort = s.sort;
  if (s.page > 1) query.page = String(s.page);
  return query;
}

/**
 * Last page the API serves for `total` results.
 * @example
 * maxPage(5000) // 50 with 20 a page
 */
export function maxPage(total: number): number {
  return Math.max(1, Math.ceil(Math.min(total, MAX_RESULT_WINDOW) / PAGE_SIZE));
}
