import type { Hook } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';

/**
 * What a contract route does when its zod validation fails: the envelope with the first faulty
 * field and every field's zh-CN message in `details.errors`; the handler never runs, so nothing
 * is stored. Query and path problems are `INVALID_PARAMETER`, bodies `VALIDATION_FAILED`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every shape
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const issues = result.error.issues;
  const errors = issues.map((issue) => ({
    field: issue.path.map(String).join('.') || undefined,
    code: issue.code,
    message: issue.message,
  }));
  const first = errors[0];
  const code =
    result.target === 'json' || result.target === 'form' ? 'VALIDATION_FAILED' : 'INVALID_PARAMETER';
  throw new ApiError(code, {
    field: first?.field,
    ...(first && code === 'INVALID_PARAMETER' ? { message: `查询参数不正确：${first.message}` } : {}),
    details: { errors },
    logDetail: `${result.target} validation failed`,
  });
};
