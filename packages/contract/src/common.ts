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

/**
 * A query-string schema that rejects parameters it does not know: a misspelled filter
 * (`categroy=1`) answers 400 naming it instead of silently returning unfiltered results.
 */
export function strictQuery<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `不支持的查询参数：${issue.keys.join('、')}。` : undefined,
  });
}

/** For a route that takes no query parameters: any parameter is a mistake the caller should hear about. */
export const noQuery = strictQuery({});

/** An optional positive whole number in a query string (`page=3`); huge values are refused, never a 500. */
export function positiveIntParam(label: string, max = 1_000_000) {
  const message = `${label}必须是大于 0 的整数。`;
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d+$/, { error: message })
      .refine((s) => s.length <= 9 && Number(s) >= 1, { error: message })
      .transform(Number)
      .refine((n) => n <= max, { error: `${label}不能大于 ${max}。` })
      .optional(),
  );
}

/** A route's `{id}` path parameter (listing and request ids). */
export const idParams = z.object({ id: z.string().max(64).meta({ description: '编号' }) });

/** The machine code an issue asks the API to answer with instead of `INVALID_PARAMETER`. */
export interface IssueParams {
  code?: string;
}

/** A text field of a JSON body with zh-CN messages for a missing or non-text value. */
export function textField(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `请填写${label}。` : `${label}应为文字。`),
  });
}
