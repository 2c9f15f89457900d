import { REMOVAL_REASONS, type RemovalReason } from '@portal/domain';
import { z } from 'zod';

/** Response and body schemas of the API, used to generate the OpenAPI document. */
export const listingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'org']),
    name: z.string(),
    gender: z.enum(['男', '女']).optional().describe('自然人'),
    age: z.number().int().optional().describe('自然人：发布之日的周岁年龄'),
    idNumberMasked: z
      .string()
      .optional()
      .describe('自然人：第 11–14 位（出生月日）以 * 遮蔽，如 4601031980****1234'),
    uscc: z.string().optional().describe('法人或其他组织：统一社会信用代码'),
    legalRepresentative: z.string().optional().describe('法人或其他组织：法定代表人或负责人姓名'),
    caseNo: z.string().describe('案号，如（2017）琼9003执1234号'),
    court: z.string(),
    filedAt: z.string().describe('立案日期 YYYY-MM-DD'),
    basisIssuer: z.string(),
    basisDocNo: z.string(),
    obligation: z.string(),
    performance: z.string(),
    category: z.number().int().min(1).max(6),
    categoryLabel: z.string(),
    amountOwedFen: z.number().int().describe('未履行金额（分）'),
    livelihood: z.boolean(),
    region: z.string(),
    listedAt: z.string(),
    termEndsAt: z.string().nullable().describe('第 1 类无固定期限时为 null'),
    demo: z.boolean().describe('演示数据'),
  })
  .describe('Listing：法释〔2017〕7号第六条允许公布的字段，别无其他');

const counts = z.record(z.string(), z.number().int());

export const searchResultSchema = z.object({
  hits: z.array(listingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({ category: counts, region: counts, kind: counts, court: counts }),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('UPPER_SNAKE 机器可读错误码'),
    message: z.string().describe('中文说明'),
    field: z.string().optional(),
    requestId: z.string(),
  }),
});

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  search: z.enum(['embedded', 'meilisearch']),
});

export const statsSchema = z.object({
  listed: z.number().int(),
  removed: z.number().int(),
  livelihood: z.number().int(),
  byCategory: counts,
  demo: z.boolean(),
});

export const draftBodySchema = listingSchema
  .omit({
    id: true,
    age: true,
    idNumberMasked: true,
    categoryLabel: true,
    termEndsAt: true,
    demo: true,
    listedAt: true,
  })
  .extend({
    idNumber: z.string().optional().describe('自然人：完整身份证号码（仅内部保存，永不公开）'),
    listedAt: z.string().optional(),
    termExtensionYears: z.number().int().min(0).max(3).optional(),
    unitId: z.string().optional(),
  });

export const removeBodySchema = z.object({
  reason: z.enum(REMOVAL_REASONS.map((r) => r.code) as [RemovalReason, ...RemovalReason[]]),
  note: z.string().max(500).optional(),
});

export const importResultSchema = z.object({
  created: z.number().int(),
  rejected: z.array(
    z.object({ row: z.number().int(), code: z.string(), message: z.string(), field: z.string().optional() }),
  ),
});
