/**
 * The search page's state and its URL form, so that a result list can be shared as a link.
 * Defaults are left out of the URL.
 */
import type { SearchQueryInput, SearchSort } from '@portal/contract';
import { DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW } from '@portal/contract/routes';

export const SORTS = ['relevance', 'listedAt:desc', 'listedAt:asc', 'amount:desc', 'amount:asc'] as const;
export type SortKey = (typeof SORTS)[number];
// the site offers exactly the orders the API accepts
const sortsMatch: [SortKey] extends [SearchSort] ? ([SearchSort] extends [SortKey] ? true : false) : false =
  true;
void sortsMatch;

export const SORT_LABELS: Record<SortKey, string> = {
  relevance: '相关度',
  'listedAt:desc': '最新公布',
  'listedAt:asc': '最早公布',
  'amount:desc': '金额从高到低',
  'amount:asc': '金额从低到高',
};

export const PAGE_SIZE = DEFAULT_PAGE_SIZE;
/** The API serves no result beyond this one (the contract's constant). */
export const RESULT_WINDOW = MAX_RESULT_WINDOW;

export interface SearchState {
  q: string;
  kind: '' | 'person' | 'org';
  category: string;
  region: string;
  court: string;
  livelihood: boolean;
  sort: SortKey;
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

const MAX_Q = 100;

/**
 * Reads the state from a query string; unknown or malformed values fall back to defaults.
 * @example
 * parseSearchParams(new URLSearchParams('q=王&category=2&page=3')).page // 3
 */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const kind = params.get('kind');
  const category = params.get('category') ?? '';
  const sort = params.get('sort') as SortKey | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').slice(0, MAX_Q),
    kind: kind === 'person' || kind === 'org' ? kind : '',
    category: /^[1-6]$/.test(category) ? category : '',
    region: (params.get('region') ?? '').slice(0, MAX_Q),
    court: (params.get('court') ?? '').slice(0, MAX_Q),
    livelihood: params.get('livelihood') === 'true',
    sort: sort && (SORTS as readonly string[]).includes(sort) ? sort : 'relevance',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, maxPage(RESULT_WINDOW)) : 1,
  };
}

/**
 * The state as a query string for the page URL (defaults omitted).
 * @example
 * toSearchParams({ ...EMPTY_STATE, q: '王' }).toString() // 'q=%E7%8E%8B'
 */
export function toSearchParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.kind) p.set('kind', s.kind);
  if (s.category) p.set('category', s.category);
  if (s.region) p.set('region', s.region);
  if (s.court) p.set('court', s.court);
  if (s.livelihood) p.set('livelihood', 'true');
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

/** The API query for a state: the URL form plus the page size. */
export function toApiQuery(s: SearchState): SearchQueryInput {
  return { ...Object.fromEntries(toSearchParams(s)), pageSize: String(PAGE_SIZE) };
}

/** True when there is something to search for: a query, a filter or a chosen order. */
export function hasCriteria(s: SearchState): boolean {
  return Boolean(
    s.q.trim() || s.kind || s.category || s.region || s.court || s.livelihood || s.sort !== 'relevance',
  );
}

/**
 * Last page the API will serve for `total` results.
 * @example
 * maxPage(5000) // 50
 */
export function maxPage(total: number): number {
  return Math.max(1, Math.ceil(Math.min(total, RESULT_WINDOW) / PAGE_SIZE));
}
