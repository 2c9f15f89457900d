import { z } from 'zod';

/** The one error envelope every 4xx/5xx from `/api/v1` carries (CONTRACT.md, "Errors"). */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'UPPER_SNAKE 机器可读错误码' }),
      message: z.string().meta({ description: '中文说明' }),
      field: z.string().optional().meta({ description: '出错的输入字段' }),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });

export type ErrorEnvelope = z.output<typeof errorEnvelopeSchema>;

/** `{ content: { 'application/json': { schema } }, description }` for a route's responses. */
export function jsonResponse<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** JSON request body declaration for a route. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** Error responses a route documents, each with the envelope. */
export function errorResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      jsonResponse(errorEnvelopeSchema, ERROR_DESCRIPTIONS[status] ?? '错误'),
    ]),
  ) as { [K in S[number]]: ReturnType<typeof jsonResponse<typeof errorEnvelopeSchema>> };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求参数或内容有误',
  401: '未登录或凭据无效',
  403: '无权访问',
  404: '未找到',
  409: '状态冲突',
  410: '已依法删除',
  413: '内容过大',
  415: '不支持的内容类型',
  422: '与先前请求不一致',
  429: '请求过于频繁',
  503: '服务暂时不可用',
};
