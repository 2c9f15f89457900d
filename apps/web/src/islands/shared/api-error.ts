/**
 * The site's one way to call `/api/v1`: the contract's typed client (same origin) with the light
 * route entries, so no response type is written by hand and no zod reaches the browser. Errors
 * are `ApiError` (the contract's `ApiClientError`): a zh-CN `message`, `code`, `field`, `status`,
 * and `retryAfterSeconds` on 429.
 */
import { ApiClientError, createApiClient } from '@portal/contract/client';

export const api = createApiClient();
export { ApiClientError as ApiError };
