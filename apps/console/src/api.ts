import { ApiClientError, createApiClient } from '@portal/contract/client';

/** The console's one API client: same origin, the session cookie travels with every call. */
export const api = createApiClient({ credentials: 'same-origin' });

/** zh-CN text for any failure of a call, for an error banner. */
export function errorText(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  return '操作未能完成，请稍后再试。';
}

/**
 * Every distinct zh-CN message of a refused form (the API lists each faulty field in
 * `details.errors`), so staff fix them all at once instead of one per submission.
 */
export function errorMessages(error: unknown): string[] {
  const first = errorText(error);
  if (!(error instanceof ApiClientError)) return [first];
  const listed = (error.details as { errors?: { message?: unknown }[] } | undefined)?.errors;
  const more = Array.isArray(listed)
    ? listed.map((e) => e.message).filter((m): m is string => typeof m === 'string' && m !== '')
    : [];
  return [...new Set([first, ...more])];
}

/** The message a refused form has for one field (the first faulty one or any in `details.errors`). */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiClientError)) return undefined;
  if (error.field === field) return error.message;
  const listed = (error.details as { errors?: { field?: unknown; message?: unknown }[] } | undefined)?.errors;
  const hit = Array.isArray(listed) ? listed.find((e) => e.field === field) : undefined;
  return typeof hit?.message === 'string' ? hit.message : undefined;
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiClientError && error.status === 401;
}

export { ApiClientError };
