import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from '@portal/domain';
import { z } from 'zod';
import { errorResponses, type IssueParams, jsonResponse, positiveIntParam, strictQuery } from './common.ts';
import { publicListingSchema } from './listings.ts';
import type { ApiRoute } from './route.ts';
import { searchFilterFields } from './search-filters.ts';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULT_WINDOW };

export const SEARCH_SORTS = [
  'relevance',
  'amount:desc',
  'amount:asc',
  'listedAt:desc',
  'listedAt:asc',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const tooLarge: IssueParams = { code: 'PAGE_SIZE_TOO_LARGE' };
const beyondWindow: IssueParams = { code: 'RESULT_WINDOW_EXCEEDED' };

/**
 * The public search query string. It validates requests AND generates the OpenAPI parameters.
 * Unknown values and unknown parameters are rejected (not ignored): a typo in a shared link
 * shows an error instead of other results.
 */
export const searchQuerySchema = strictQuery({
  q: z
    .string()
    .trim()
    .max(100, { error: '查询内容不能超过 100 个字符。' })
    .default('')
    .meta({ description: '姓名、名称、案号片段，或完整的 18 位身份证号码 / 统一社会信用代码' }),
  ...searchFilterFields,
  sort: z.enum(SEARCH_SORTS, { error: '排序方式不正确。' }).default('relevance'),
  page: positiveIntParam('页码', MAX_RESULT_WINDOW),
  pageSize: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+$/, { error: '每页条数必须是大于 0 的整数。' })
      .refine((s) => Number(s) >= 1, { error: '每页条数必须是大于 0 的整数。' })
      .refine((s) => Number(s) <= MAX_PAGE_SIZE, {
        error: `每页最多 ${MAX_PAGE_SIZE} 条。`,
        params: tooLarge,
      })
      .transform(Number)
      .optional()
      .meta({ description: `每页条数，默认 ${DEFAULT_PAGE_SIZE}，最多 ${MAX_PAGE_SIZE}` }),
  ),
}).superRefine((query, ctx) => {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (page * pageSize > MAX_RESULT_WINDOW) {
    ctx.addIssue({
      code: 'custom',
      path: ['page'],
      message: `只提供前 ${MAX_RESULT_WINDOW} 条结果，请输入更具体的查询条件。`,
      params: beyondWindow,
    });
  }
});

export type SearchQueryInput = z.input<typeof searchQuerySchema>;

const counts = z.record(z.string(), z.number().int());

export const searchResultSchema = z
  .object({
    hits: z.array(publicListingSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    facets: z.object({ category: counts, region: counts, kind: counts, court: counts }),
    representativeMatches: z.array(z.string()).meta({
      description:
        '本页中仅因法定代表人（负责人）姓名与查询词相符而命中的单位 id：法定代表人本人并未因此被列入名单（法发〔2019〕35号），页面应标注“命中：法定代表人”',
    }),
  })
  .meta({ id: 'SearchResult' });

export type SearchResult = z.output<typeof searchResultSchema>;

/** `GET /api/v1/search`: the public search over the read model. */
export const searchRoute = {
  method: 'get',
  path: '/api/v1/search',
  tags: ['公开接口'],
  summary: '查询失信被执行人',
  request: { query: searchQuerySchema },
  responses: {
    200: jsonResponse(searchResultSchema, '一页结果与分面计数'),
    ...errorResponses(400, 429, 503),
  },
} as const satisfies ApiRoute;
