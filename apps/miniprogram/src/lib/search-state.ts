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
  /** '' or a region / court name from the facets (exact match, like the site's filters) */
  region: string;
  court: string;
  livelihood: boolean;
  sort: SearchSort;
  page: number;
}

export const EMPTY_STATE: SearchState = {
  q: '',
  kind: '',
  category: '',
  region: '',
  court: '',
  livelihood: false,
  sort: 'relevance',
  page: 1,
};

/** True when there is something to search for (the API serves no unfiltered enumeration). */
export function hasCriteria(s: SearchState): boolean {
  return Boolean(
    s.q.trim() || s.kind || s.category || s.region || s.court || s.livelihood || s.sort !== 'relevance',
  );
}

/** The API query for a state; defaults are left out like the site's URLs. */
export function toApiQuery(s: SearchState): SearchQueryInput {
  const query: SearchQueryInput = { pageSize: String(PAGE_SIZE) };
  if (s.q.trim()) query.q = s.q.trim();
  if (s.kind) query.kind = s.kind;
  if (s.category) query.category = s.category;
  if (s.region) query.region = s.region;
  if (s.court) query.court = s.court;
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

export interface FacetOption {
  value: string;
  label: string;
}

/**
 * A facet's choices as the site's filters show them: most results first (ties in Chinese
 * collation order), each with its count; a chosen value the current answer lacks stays, at 0, so
 * the picker still names it. The first choice is "all".
 * @example
 * facetOptions({ 海口市: 3, 儋州市: 5 }, '', '全部地区')
 * // [{value:'',label:'全部地区'}, {value:'儋州市',label:'儋州市（5）'}, {value:'海口市',label:'海口市（3）'}]
 */
export function facetOptions(
  counts: Readonly<Record<string, number>> | undefined,
  selected: string,
  allLabel: string,
): FacetOption[] {
  const entries = Object.entries(counts ?? {}).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'),
  );
  if (selected && !entries.some(([v]) => v === selected)) entries.unshift([selected, 0]);
  return [{ value: '', label: allLabel }, ...entries.map(([v, n]) => ({ value: v, label: `${v}（${n}）` }))];
}
