import {
  CATEGORIES,
  type CategoryCode,
  DOMAIN_ERROR_MESSAGES,
  type PublicListing,
  REMOVAL_REASONS,
  type RemovalReason,
} from '@portal/domain';
import { z } from 'zod';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  noQuery,
  positiveIntParam,
  strictQuery,
} from './common.ts';
import type { ApiRoute } from './route.ts';

const categoryCodes = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];

/**
 * `Listing`: exactly the fields 法释〔2017〕7号 art. 6 allows to publish (`PUBLIC_LISTING_FIELDS`,
 * pinned by a test), the one shape search, detail, site, screens and the mini-program share.
 */
export const publicListingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'org']),
    name: z.string(),
    gender: z.enum(['男', '女']).optional().meta({ description: '自然人' }),
    age: z.number().int().optional().meta({ description: '自然人：公布之日的周岁年龄' }),
    idNumberMasked: z
      .string()
      .optional()
      .meta({ description: '自然人：第 11–14 位（出生月日）以 * 遮蔽，如 4601031980****1234' }),
    uscc: z.string().optional().meta({ description: '法人或其他组织：统一社会信用代码（没有的为空字符串）' }),
    orgCode: z.string().optional().meta({
      description:
        '法人或其他组织：组织机构代码（GB 11714，9 位，不含连字符），没有统一社会信用代码的以此识别；有记录时才有',
    }),
    legalRepresentative: z
      .string()
      .optional()
      .meta({ description: '法人或其他组织：法定代表人或负责人姓名' }),
    legalRepresentativeRole: z.enum(['法定代表人', '负责人']).optional().meta({
      description: '法人或其他组织：legalRepresentative 是法定代表人还是负责人（第六条）；有姓名时才有',
    }),
    caseNo: z.string().meta({ description: '案号，如（2017）琼9003执1234号' }),
    court: z.string(),
    filedAt: z.string().meta({ description: '立案日期 YYYY-MM-DD' }),
    basisIssuer: z.string(),
    basisDocNo: z.string(),
    obligation: z.string(),
    performance: z.string(),
    category: z.union(categoryCodes.map((c) => z.literal(c))),
    categoryLabel: z.string(),
    amountOwedFen: z.number().int().meta({ description: '未履行金额（分）' }),
    livelihood: z.boolean(),
    region: z.string(),
    listedAt: z.string(),
    termEndsAt: z.string().nullable().meta({ description: '第 1 类无固定期限时为 null' }),
    demo: z.boolean().meta({ description: '演示数据' }),
  })
  .meta({ id: 'Listing', description: 'Listing：法释〔2017〕7号第六条允许公布的字段，别无其他' });

// the contract and the domain type must agree in both directions
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listingMatchesDomain: Same<z.output<typeof publicListingSchema>, PublicListing> = true;
void listingMatchesDomain;

/** `GET /api/v1/listings/{id}`: 404 never published or unknown, 410 lawfully removed. */
export const listingDetailRoute = {
  method: 'get',
  path: '/api/v1/listings/{id}',
  tags: ['公开接口'],
  summary: '失信被执行人详情',
  request: { params: idParams, query: noQuery },
  responses: {
    200: jsonResponse(publicListingSchema, '公布中的失信信息'),
    ...errorResponses(400, 404, 410, 429),
  },
} as const satisfies ApiRoute;

// ---- staff ----

const text = (description: string) => z.string().optional().meta({ description });
const numberish = (description: string) => z.union([z.number(), z.string()]).optional().meta({ description });

/**
 * A staff draft. Field rules (ID checksum, age, categories, term extension) are the domain's
 * (`validateListingDraft`), which answers each with its zh-CN message; this schema states the
 * shape, and numbers may come as text like they do from spreadsheets.
 */
export const listingDraftBodySchema = z
  .looseObject({
    kind: z
      .enum(['person', 'org'], { error: '类型只能是 person（自然人）或 org（法人或其他组织）。' })
      .optional(),
    name: text('姓名或名称'),
    idNumber: text('自然人：完整身份证号码（仅内部保存，永不公开）'),
    gender: text('自然人：男 或 女'),
    uscc: text('法人或其他组织：统一社会信用代码'),
    legalRepresentative: text('法人或其他组织：法定代表人或负责人'),
    caseNo: text('案号'),
    court: text('执行法院'),
    filedAt: text('立案日期 YYYY-MM-DD'),
    basisIssuer: text('作出执行依据单位'),
    basisDocNo: text('执行依据文号'),
    obligation: text('生效法律文书确定的义务'),
    performance: text('被执行人的履行情况'),
    category: numberish('失信情形 1–6'),
    amountOwedFen: numberish('未履行金额（分）'),
    livelihood: z.union([z.boolean(), z.string()]).optional().meta({ description: '是否涉民生案件' }),
    region: text('地域'),
    listedAt: text('公布日期 YYYY-MM-DD，缺省为发布之日'),
    termExtensionYears: numberish('第 2–6 类延长期限（1–3 年）'),
    unitId: text('执行单元'),
  })
  .meta({ id: 'ListingDraft' });

/** The art. 10 removal clock: three working days from the day the ground for removal arose. */
export const removalClockSchema = z
  .object({
    eventDate: z.string(),
    deadline: z.string(),
    estimate: z.boolean().meta({ description: '期限超出内置节假日历，按估算（估算）' }),
    state: z.enum(['pending', 'overdue', 'met', 'late']),
    overdue: z.boolean(),
  })
  .meta({ description: '第十条删除时限：事由发生后三个工作日' });

export const staffListingSchema = z
  .looseObject({
    id: z.string(),
    status: z.enum(['draft', 'published', 'removed']),
    kind: z.enum(['person', 'org']),
    name: z.string(),
    idNumber: z.string().nullish().meta({ description: '完整身份证号码（仅工作人员可见）' }),
    caseNo: z.string(),
    court: z.string(),
    category: z.number().int(),
    amountOwedFen: z.number().int(),
    listedAt: z.string().nullish(),
    termEndsAt: z.string().nullish(),
    unitId: z.string().nullish(),
    applicant: z.string().nullish().meta({ description: '申请执行人（法院依职权纳入的为空）' }),
    demo: z.boolean(),
    removedAt: z.string().nullish(),
    removalReason: z.string().nullish(),
    removalCreditor: z.string().nullish().meta({
      description: '依申请执行人书面申请删除（withdrawn）的申请执行人：六个月内其再次申请纳入的，不予支持',
    }),
    removalClock: removalClockSchema
      .nullish()
      .meta({ description: '已删除：事由发生日至删除日；已发布且期限届满：届满次日起算，逾期待删' }),
  })
  .meta({ id: 'StaffListing', description: '工作人员所见的完整记录' });

export const createListingRoute = {
  method: 'post',
  path: '/api/v1/admin/listings',
  tags: ['工作人员接口'],
  summary: '录入草稿',
  security: [{ bearer: [] }],
  request: { body: jsonBody(listingDraftBodySchema) },
  responses: {
    201: jsonResponse(z.object({ id: z.string(), status: z.literal('draft') }), '草稿已保存'),
    ...errorResponses(400, 401, 403, 413, 415),
  },
} as const satisfies ApiRoute;

export const staffListingsQuerySchema = strictQuery({
  status: z
    .enum(['draft', 'published', 'removed'], { error: '状态只能是 draft、published 或 removed。' })
    .optional(),
  page: positiveIntParam('页码'),
});

export const staffListingsRoute = {
  method: 'get',
  path: '/api/v1/admin/listings',
  tags: ['工作人员接口'],
  summary: '工作人员查看名单',
  security: [{ bearer: [] }],
  request: { query: staffListingsQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(staffListingSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      '一页记录',
    ),
    ...errorResponses(400, 401),
  },
} as const satisfies ApiRoute;

/** Rows of an import that were refused; only the first `MAX_REPORTED_REJECTIONS` are listed. */
export const MAX_REPORTED_REJECTIONS = 200;

export const importResultSchema = z
  .object({
    created: z.number().int(),
    ids: z.array(z.string()).optional(),
    rejected: z
      .array(
        z.object({
          row: z.number().int().meta({ description: '文件中的行号（表头为第 1 行）' }),
          code: z.string(),
          message: z.string(),
          field: z.string().optional(),
          listingId: z
            .string()
            .optional()
            .meta({ description: 'DUPLICATE：该行的案号和证件号码已属于这条信息（重复导入）' }),
        }),
      )
      .meta({
        description: `被拒绝的行的问题，按行号排列，每处一条（一行可有多处），最多列出前 ${MAX_REPORTED_REJECTIONS} 处`,
      }),
    rejectedTotal: z.number().int().meta({ description: '被拒绝的行数（含未列出的；一行只计一次）' }),
    problemsTotal: z.number().int().meta({ description: '发现的问题总数（含未列出的；不少于被拒绝的行数）' }),
    duplicates: z
      .number()
      .int()
      .optional()
      .meta({ description: '被拒绝的行中，与已有信息重复（已导入过）的行数' }),
  })
  .meta({ id: 'ImportResult' });

export const importListingsRoute = {
  method: 'post',
  path: '/api/v1/admin/listings/import',
  tags: ['工作人员接口'],
  summary: 'CSV 批量导入（UTF-8 或 GBK，中文或英文表头）',
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: { 'text/csv': { schema: z.string().meta({ description: 'CSV 文件，不超过 20 MB' }) } },
    },
  },
  responses: {
    200: jsonResponse(importResultSchema, '导入结果'),
    ...errorResponses(400, 401, 413, 415),
  },
} as const satisfies ApiRoute;

export const publishListingRoute = {
  method: 'post',
  path: '/api/v1/admin/listings/{id}/publish',
  tags: ['工作人员接口'],
  summary: '发布',
  security: [{ bearer: [] }],
  request: { params: idParams },
  responses: {
    200: jsonResponse(z.object({ status: z.literal('published') }), '已发布'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

const removalCodes = REMOVAL_REASONS.map((r) => r.code) as [RemovalReason, ...RemovalReason[]];

export const removeBodySchema = z
  .looseObject({
    reason: z.enum(removalCodes, { error: DOMAIN_ERROR_MESSAGES.INVALID_REMOVAL_REASON }).meta({
      description: REMOVAL_REASONS.map((r) => `${r.code}：${r.label}（${r.legalGround}）`).join('；'),
    }),
    note: z.string().optional().meta({ description: '备注（最多 500 字）' }),
    eventDate: z.string().optional().meta({
      description: '删除事由发生之日 YYYY-MM-DD（默认今天）：三个工作日的删除时限自此起算（第十条）',
    }),
    creditor: z.string({ error: '申请删除的申请执行人应填写名称（文字）。' }).optional().meta({
      description:
        '仅 reason 为 withdrawn：书面申请删除的申请执行人（第十条第一款第（三）项）。不填时为该信息的申请执行人（applicant）；法院依职权纳入、没有申请执行人的，必须填写。六个月内该申请执行人再次申请纳入同一被执行人的，不予支持（第十条第四款），其他申请执行人不受影响。',
    }),
  })
  .meta({ id: 'RemoveRequest' });

export const removeListingRoute = {
  method: 'post',
  path: '/api/v1/admin/listings/{id}/remove',
  tags: ['工作人员接口'],
  summary: '依法删除',
  security: [{ bearer: [] }],
  request: { params: idParams, body: jsonBody(removeBodySchema) },
  responses: {
    200: jsonResponse(
      z.object({
        status: z.literal('removed'),
        eventDate: z.string().optional(),
        removalDeadline: z.string().optional().meta({ description: '删除时限（事由发生后第三个工作日）' }),
        deadlineEstimated: z.boolean().optional().meta({ description: '时限超出内置节假日历，为估算' }),
        deadlineMet: z.boolean().optional().meta({ description: '是否在时限内删除' }),
      }),
      '已删除',
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415),
  },
} as const satisfies ApiRoute;
