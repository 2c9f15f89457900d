import type { Hook } from '@hono/zod-openapi';
import type { IssueParams } from '@portal/contract';
import { API_ERRORS, ApiError, type ApiErrorCode } from '../errors.ts';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  params?: IssueParams;
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** The field an issue is about: its path, or the first unknown key of a strict query. */
function fieldOf(issue: Issue): string | undefined {
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0]) return issue.keys[0];
  return issue.path.map(String).join('.') || undefined;
}

function codeOf(issue: Issue | undefined, target: string): ApiErrorCode {
  const asked = issue?.params?.code;
  if (asked && asked in API_ERRORS) return asked as ApiErrorCode;
  return target === 'json' || target === 'form' ? 'VALIDATION_FAILED' : 'INVALID_PARAMETER';
}

/**
 * What a contract route does when its zod validation fails: the envelope with the first faulty
 * field, its zh-CN message, and every field's message in `details.errors`; the handler never
 * runs, so nothing is stored. Query, path and header problems are `INVALID_PARAMETER` (or the
 * code an issue names, e.g. `PAGE_SIZE_TOO_LARGE`), bodies `VALIDATION_FAILED`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every shape
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const issues = result.error.issues as Issue[];
  const errors = issues.map((issue) => ({
    field: fieldOf(issue),
    code: issue.code,
    message: HAS_CHINESE.test(issue.message) ? issue.message : `${fieldOf(issue) ?? '内容'}的格式不正确。`,
  }));
  const first = errors[0];
  const code = codeOf(issues[0], result.target);
  throw new ApiError(code, {
    field: first?.field,
    ...(first && HAS_CHINESE.test(issues[0]?.message ?? '') ? { message: first.message } : {}),
    details: { errors },
    logDetail: `${result.target} validation failed`,
  });
};
