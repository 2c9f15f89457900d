import { ApiClientError, createApiClient } from '@portal/contract/client';

/** The console's one API client: same origin, the session cookie travels with every call. */
export const api = createApiClient({ credentials: 'same-origin' });

/** zh-CN text for any failure of a call, for an error banner. */
export function errorText(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  return '操作未能完成，请稍后再试。';
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiClientError && error.status === 401;
}

export { ApiClientError };
