import { z } from 'zod';
import { errorResponses, jsonResponse, strictQuery } from './common.ts';
import type { ApiRoute } from './route.ts';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** What every slide takes: orientation, the court shown in the header, and a region filter. */
const slideShape = {
  orientation: z.preprocess(
    emptyToUndefined,
    z
      .enum(['landscape', 'portrait'], { error: '屏幕方向只能是 landscape 或 portrait。' })
      .default('landscape')
      .meta({ description: 'landscape（1920×1080）或 portrait（1080×1920）' }),
  ),
  court: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(100).optional().meta({ description: '法院名称' }),
  ),
  region: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional().meta({ description: '地域' })),
  v: z.string().max(64).optional().meta({ description: '缓存版本（大屏页面使用，服务器忽略）' }),
};

const pageParam = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^\d{1,4}$/, { error: '页码必须是大于 0 的整数。' })
    .transform(Number)
    .refine((n) => n >= 1, { error: '页码必须是大于 0 的整数。' })
    .default(1),
);

const livelihoodParam = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false'], { error: '涉民生筛选只能是 true 或 false。' })
    .transform((v) => v === 'true')
    .default(false),
);

export const boardQuerySchema = strictQuery({ ...slideShape, page: pageParam, livelihood: livelihoodParam });
export const slideQuerySchema = strictQuery(slideShape);
export type BoardQuery = z.output<typeof boardQuerySchema>;

const pngResponse = (description: string) =>
  ({
    description,
    content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } },
  }) as const;

export const boardJsonSchema = z
  .object({
    page: z.number().int(),
    pages: z.number().int(),
    listingIds: z.array(z.string()).meta({ description: '该页所示名单的编号，顺序与图片一致' }),
  })
  .meta({ id: 'BoardPage' });

export const boardJsonRoute = {
  method: 'get',
  path: '/api/v1/screens/board.json',
  tags: ['大屏'],
  summary: '大屏轮播页所示名单',
  request: { query: boardQuerySchema },
  responses: { 200: jsonResponse(boardJsonSchema, '该页所示名单'), ...errorResponses(400, 429) },
} as const satisfies ApiRoute;

export const boardPngRoute = {
  method: 'get',
  path: '/api/v1/screens/board.png',
  tags: ['大屏'],
  summary: '大屏轮播页（PNG）',
  request: { query: boardQuerySchema },
  responses: { 200: pngResponse('轮播页图片'), ...errorResponses(400, 429) },
} as const satisfies ApiRoute;

export const livelihoodPngRoute = {
  method: 'get',
  path: '/api/v1/screens/livelihood.png',
  tags: ['大屏'],
  summary: '涉民生案件轮播页（PNG）',
  request: { query: boardQuerySchema },
  responses: { 200: pngResponse('涉民生案件轮播页图片'), ...errorResponses(400, 429) },
} as const satisfies ApiRoute;

export const statsPngRoute = {
  method: 'get',
  path: '/api/v1/screens/stats.png',
  tags: ['大屏'],
  summary: '统计页（PNG）',
  request: { query: slideQuerySchema },
  responses: { 200: pngResponse('统计页图片'), ...errorResponses(400, 429) },
} as const satisfies ApiRoute;

export const neutralPngRoute = {
  method: 'get',
  path: '/api/v1/screens/neutral.png',
  tags: ['大屏'],
  summary: '中性页（PNG，断网时显示）',
  request: { query: slideQuerySchema },
  responses: { 200: pngResponse('中性页图片'), ...errorResponses(400, 429) },
} as const satisfies ApiRoute;

export const shareCardRoute = {
  method: 'get',
  path: '/api/v1/screens/cards/{file}',
  tags: ['大屏'],
  summary: '分享卡片（PNG）',
  request: {
    params: z.object({
      file: z.string().max(80).meta({ description: '`{编号}.png`', example: 'L01ABC.png' }),
    }),
  },
  responses: { 200: pngResponse('分享卡片图片'), ...errorResponses(404, 429) },
} as const satisfies ApiRoute;
