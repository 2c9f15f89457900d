import { z } from 'zod';
import { searchParamsSchema } from '../search/search-params.ts';
import {
  draftBodySchema,
  errorSchema,
  healthSchema,
  importResultSchema,
  listingSchema,
  removeBodySchema,
  searchResultSchema,
  statsSchema,
} from './schemas.ts';

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tag: '公开接口' | '工作人员接口' | '大屏';
  query?: z.ZodObject;
  body?: z.ZodType | 'text/csv';
  ok: { status: number; schema?: z.ZodType; type?: string };
  errors: number[];
}

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    summary: '服务状态',
    tag: '公开接口',
    ok: { status: 200, schema: healthSchema },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/search',
    summary: '查询失信被执行人',
    tag: '公开接口',
    query: searchParamsSchema,
    ok: { status: 200, schema: searchResultSchema },
    errors: [400, 429],
  },
  {
    method: 'get',
    path: '/api/v1/listings/{id}',
    summary: '失信被执行人详情',
    tag: '公开接口',
    ok: { status: 200, schema: listingSchema },
    errors: [404, 410],
  },
  {
    method: 'get',
    path: '/api/v1/stats',
    summary: '统计数据',
    tag: '公开接口',
    ok: { status: 200, schema: statsSchema },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/admin/listings',
    summary: '录入草稿',
    tag: '工作人员接口',
    body: draftBodySchema,
    ok: { status: 201, schema: z.object({ id: z.string(), status: z.literal('draft') }) },
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/v1/admin/listings',
    summary: '工作人员查看名单',
    tag: '工作人员接口',
    query: z.object({
      status: z.enum(['draft', 'published', 'removed']).optional(),
      page: z.string().optional(),
    }),
    ok: { status: 200 },
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/v1/admin/listings/import',
    summary: 'CSV 批量导入（UTF-8 或 GBK，中文或英文表头）',
    tag: '工作人员接口',
    body: 'text/csv',
    ok: { status: 200, schema: importResultSchema },
    errors: [401, 413, 415],
  },
  {
    method: 'post',
    path: '/api/v1/admin/listings/{id}/publish',
    summary: '发布',
    tag: '工作人员接口',
    ok: { status: 200, schema: z.object({ status: z.literal('published') }) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/admin/listings/{id}/remove',
    summary: '依法删除',
    tag: '工作人员接口',
    body: removeBodySchema,
    ok: { status: 200, schema: z.object({ status: z.literal('removed') }) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/screens/board.png',
    summary: '大屏轮播页（1920×1080 PNG）',
    tag: '大屏',
    query: z.object({
      page: z.string().optional(),
      court: z.string().optional(),
      region: z.string().optional(),
    }),
    ok: { status: 200, type: 'image/png' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/screens/board.json',
    summary: '大屏轮播页所示名单',
    tag: '大屏',
    query: z.object({ page: z.string().optional() }),
    ok: { status: 200 },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/screens/cards/{id}.png',
    summary: '分享卡片',
    tag: '大屏',
    ok: { status: 200, type: 'image/png' },
    errors: [404],
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function parameters(op: Operation) {
  const params: unknown[] = [];
  for (const m of op.path.matchAll(/\{(\w+)\}/g))
    params.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
  if (op.query) {
    const schema = jsonSchema(op.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(schema.properties ?? {})) {
      params.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s });
    }
  }
  return params;
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes use. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [op.ok.status]: {
        description: '成功',
        content: op.ok.type
          ? { [op.ok.type]: {} }
          : { 'application/json': { schema: op.ok.schema ? jsonSchema(op.ok.schema) : {} } },
      },
    };
    for (const status of op.errors)
      responses[status] = {
        description: '错误',
        content: { 'application/json': { schema: jsonSchema(errorSchema) } },
      };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      parameters: parameters(op),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content:
                op.body === 'text/csv'
                  ? { 'text/csv': { schema: { type: 'string' } } }
                  : { 'application/json': { schema: jsonSchema(op.body) } },
            },
          }
        : {}),
      ...(op.tag === '工作人员接口' ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '失信曝光台 API',
      version: '1.0.0',
      description: '失信被执行人公开查询、工作人员发布与删除、大屏图片。',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
