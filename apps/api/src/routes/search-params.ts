import type { SearchQuery, SearchSort } from '@portal/search';
import { isCategoryCode } from '@portal/domain';
import { ApiError } from '../errors.ts';

export const RESULT_WINDOW = 1000;
export const MAX_PAGE_SIZE = 50;
const MAX_QUERY_LENGTH = 100;
const SORTS: readonly SearchSort[] = ['relevance', 'amount:desc', 'amount:asc', 'listedAt:desc', 'listedAt:asc'];

function invalid(field: string, message: string): never {
  throw new ApiError('INVALID_PARAMETER', { field, message });
}

function positiveInt(raw: string | null, field: string, label: string): number | undefined {
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) invalid(field, `${label}必须是大于 0 的整数。`);
  return Number(raw);
}

/**
 * Validates the public search query string. Unknown values are rejected (not ignored) so that a
 * typo in a shared link shows an error instead of silently different results.
 * @example parseSearchParams(new URLSearchParams('q=王&category=1'))
 */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const q = params.get('q')?.trim() ?? '';
  if (q.length > MAX_QUERY_LENGTH) invalid('q', `查询内容不能超过 ${MAX_QUERY_LENGTH} 个字符。`);
  const kind = params.get('kind') || undefined;
  if (kind !== undefined && kind !== 'person' && kind !== 'org') invalid('kind', '类型只能是 person（自然人）或 org（法人或其他组织）。');
  const categoryRaw = params.get('category') || undefined;
  const category = categoryRaw === undefined ? undefined : Number(categoryRaw);
  if (category !== undefined && !isCategoryCode(category)) invalid('category', '失信情形只能是 1 至 6。');
  const livelihoodRaw = params.get('livelihood') || undefined;
  if (livelihoodRaw !== undefined && livelihoodRaw !== 'true' && livelihoodRaw !== 'false') {
    invalid('livelihood', '涉民生筛选只能是 true 或 false。');
  }
  const sort = (params.get('sort') || 'relevance') as SearchSort;
  if (!SORTS.includes(sort)) invalid('sort', '排序方式不正确。');
  const page = positiveInt(params.get('page'), 'page', '页码');
  const pageSize = positiveInt(params.get('pageSize'), 'pageSize', '每页条数');
  if (pageSize !== undefined && pageSize > MAX_PAGE_SIZE) {
    throw new ApiError('PAGE_SIZE_TOO_LARGE', { field: 'pageSize' });
  }
  const region = params.get('region')?.trim() || undefined;
  const court = params.get('court')?.trim() || undefined;
  return {
    q,
    filters: {
      ...(kind ? { kind } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(region ? { region } : {}),
      ...(court ? { court } : {}),
      ...(livelihoodRaw !== undefined ? { livelihood: livelihoodRaw === 'true' } : {}),
    },
    sort,
    page: page ?? 1,
    pageSize: pageSize ?? 20,
  };
}
