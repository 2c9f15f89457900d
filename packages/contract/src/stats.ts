import { z } from 'zod';
import { errorResponses, jsonResponse, noQuery } from './common.ts';
import type { ApiRoute } from './route.ts';

export const statsSchema = z
  .object({
    listed: z.number().int().meta({ description: '公布中' }),
    removed: z.number().int().meta({ description: '已依法删除' }),
    livelihood: z.number().int().meta({ description: '涉民生案件（公布中）' }),
    byCategory: z.record(z.string(), z.number().int()).meta({ description: '失信情形 1–6 的公布数' }),
    demo: z.boolean().meta({ description: '含演示数据' }),
  })
  .meta({ id: 'Stats' });

export type StatsResponse = z.output<typeof statsSchema>;

/** `GET /api/v1/stats`: aggregate counts only, no personal data. */
export const statsRoute = {
  method: 'get',
  path: '/api/v1/stats',
  tags: ['公开接口'],
  summary: '统计数据',
  request: { query: noQuery },
  responses: { 200: jsonResponse(statsSchema, '统计'), ...errorResponses(429) },
} as const satisfies ApiRoute;
