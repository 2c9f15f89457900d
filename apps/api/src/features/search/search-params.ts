import type { SearchQuery } from '@portal/search';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';

export const RESULT_WINDOW = 1000;
export const MAX_PAGE_SIZE = 50;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const positiveInt = (label: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+$/, { error: `${label}必须是大于 0 的整数。` })
      .transform(Number)
      .refine((n) => n >= 1, { error: `${label}必须是大于 0 的整数。` })
      .optional(),
  );

/**
 * The public search query string. This schema validates requests AND generates the OpenAPI
 * parameters, so the document cannot drift from what the server accepts. Unknown values are
 * rejected (not ignored): a typo in a shared link shows an error instead of other results.
 */
export const searchParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: '查询内容不能超过 100 个字符。' })
    .default('')
    .describe('姓名、名称、案号片段，或完整的 18 位身份证号码 / 统一社会信用代码'),
  kind: z.preprocess(
    emptyToUndefined,
    z.enum(['person', 'org'], { error: '类型只能是 person（自然人）或 org（法人或其他组织）。' }).optional(),
  ),
  category: z.preprocess(
    emptyToUndefined,
    z.enum(['1', '2', '3', '4', '5', '6'], { error: '失信情形只能是 1 至 6。' }).transform(Number).optional(),
  ),
  region: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
  court: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  livelihood: z.preprocess(
    emptyToUndefined,
    z.enum(['true', 'false'], { error: '涉民生筛选只能是 true 或 false。' }).optional(),
  ),
  sort: z
    .enum(['relevance', 'amount:desc', 'amount:asc', 'listedAt:desc', 'listedAt:asc'], {
      error: '排序方式不正确。',
    })
    .default('relevance'),
  page: positiveInt('页码'),
  pageSize: positiveInt('每页条数'),
});

/** @example parseSearchParams(new URLSearchParams('q=王&category=1')) */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const raw = Object.fromEntries(params);
  if (/^\d+$/.test(raw.pageSize ?? '') && Number(raw.pageSize) > MAX_PAGE_SIZE) {
    throw new ApiError('PAGE_SIZE_TOO_LARGE', { field: 'pageSize' });
  }
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('INVALID_PARAMETER', {
      field: String(issue?.path[0] ?? ''),
      ...(issue?.message && /[\u4e00-\u9fff]/.test(issue.message) ? { message: issue.message } : {}),
    });
  }
  const p = parsed.data;
  return {
    q: p.q,
    filters: {
      ...(p.kind ? { kind: p.kind } : {}),
      ...(p.category !== undefined ? { category: p.category as 1 | 2 | 3 | 4 | 5 | 6 } : {}),
      ...(p.region ? { region: p.region } : {}),
      ...(p.court ? { court: p.court } : {}),
      ...(p.livelihood ? { livelihood: p.livelihood === 'true' } : {}),
    },
    sort: p.sort,
    page: p.page ?? 1,
    pageSize: p.pageSize ?? 20,
  };
}
