import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { SearchError, SearchUnavailableError } from '../errors.ts';

/** Meilisearch error codes that mean "the engine is not usable right now", not "the adapter is wrong". */
const UNAVAILABLE_CODES = new Set(['index_not_found', 'invalid_api_key', 'missing_authorization_header']);

/**
 * Maps a client error onto the port's hierarchy, the original kept as `cause`:
 * - transport failures, request and task timeouts, 5xx, a missing index or a refused key, and a
 *   body that is not JSON (a proxy's HTML error page: the client's `JSON.parse` throws a
 *   `SyntaxError`) → `SearchUnavailableError` (the API answers 503);
 * - any other 4xx → `SearchError` (500). The adapter validates every query before sending it
 *   (`resolveQuery`), so Meilisearch rejecting one is an adapter bug, never the user's 400.
 */
export function toSearchError(error: unknown, action: string): Error {
  if (error instanceof SearchError) return error;
  if (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  ) {
    // a request error wraps what went wrong (refused, reset, `request timed out after …ms`)
    const detail = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new SearchUnavailableError(`meilisearch unreachable during ${action}: ${error.message}${detail}`, {
      cause: error,
    });
  }
  if (error instanceof SyntaxError) {
    return new SearchUnavailableError(
      `meilisearch answered ${action} with a body that is not JSON (a proxy?)`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ?? '';
    if (error.response.status >= 500 || UNAVAILABLE_CODES.has(code)) {
      return new SearchUnavailableError(
        `meilisearch failed during ${action}: ${error.response.status} ${code}`,
        {
          cause: error,
        },
      );
    }
    return new SearchError(`meilisearch rejected ${action}: ${error.response.status} ${code}`, {
      cause: error,
    });
  }
  return new SearchError(`unexpected failure during ${action}`, { cause: error });
}

/** Runs `fn`, rethrowing any failure as a port error. */
export async function mapped<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toSearchError(error, action);
  }
}
