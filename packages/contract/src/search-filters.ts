import { CATEGORIES } from '@portal/domain';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const categoryValues = CATEGORIES.map((c) => String(c.code)) as [string, ...string[]];

/**
 * The filters of the public search query string (type, category, region, court, 涉民生), shared
 * by the staff listing list so both read them alike. An empty value is no filter.
 */
export const searchFilterFields = {
  kind: z.preprocess(
    emptyToUndefined,
    z.enum(['person', 'org'], { error: '类型只能是 person（自然人）或 org（法人或其他组织）。' }).optional(),
  ),
  category: z.preprocess(
    emptyToUndefined,
    z
      .enum(categoryValues, { error: '失信情形只能是 1 至 6。' })
      .transform((v) => Number(v) as 1 | 2 | 3 | 4 | 5 | 6)
      .optional(),
  ),
  region: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
  court: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  livelihood: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false'], { error: '涉民生筛选只能是 true 或 false。' })
      .transform((v) => v === 'true')
      .optional(),
  ),
};
