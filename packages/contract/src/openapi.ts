import { z } from 'zod';
import { errorResponses } from './common.ts';
import type { ApiRoute } from './route.ts';

/** Title and description of the generated document (`getOpenAPI31Document`). */
export const OPENAPI_INFO = {
  title: '失信曝光台 API',
  version: '1.0.0',
  description: '失信被执行人公开查询、纠正申请、工作人员发布与删除、大屏图片。错误均以统一的 JSON 信封返回。',
} as const;

export const openApiDocumentRoute = {
  method: 'get',
  path: '/api/v1/openapi.json',
  tags: ['文档'],
  summary: 'OpenAPI 3.1 文档（由接口定义生成）',
  responses: {
    200: {
      description: 'OpenAPI 3.1 文档',
      content: { 'application/json': { schema: z.looseObject({ openapi: z.string() }) } },
    },
    ...errorResponses(429),
  },
} as const satisfies ApiRoute;

export const docsPageRoute = {
  method: 'get',
  path: '/api/v1/docs',
  tags: ['文档'],
  summary: '接口说明页（中文）',
  responses: {
    200: { description: 'HTML 页面', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses(429),
  },
} as const satisfies ApiRoute;
