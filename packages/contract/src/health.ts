import { z } from 'zod';
import { jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    search: z.enum(['embedded', 'meilisearch']),
  })
  .meta({ id: 'Health' });

export type HealthResponse = z.output<typeof healthSchema>;

/** `GET /api/v1/health`: which engines this process runs on; never rate limited. */
export const healthRoute = {
  method: 'get',
  path: '/api/v1/health',
  tags: ['公开接口'],
  summary: '服务状态',
  responses: { 200: jsonResponse(healthSchema, '服务正常') },
} as const satisfies ApiRoute;
