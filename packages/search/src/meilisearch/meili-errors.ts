import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { SearchError, SearchQueryError, SearchUnavailableError } from '../errors.ts';

/**
 * Maps a client error onto the port's hierarchy, the original kept as `cause`:
 * transport failures, timeouts and 5xx → `SearchUnavailableError`; Meilisearch's
 * `invalid_search_*` → `SearchQueryError`; anything else → `SearchError`.
 */
export function toSearchError(error: unknown, action: string): Error {
  if (error instanceof SearchError) return error;
  if (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  ) {
    return new SearchUnavailableError(`meilisearch unreachable during ${action}`, { cause: error });
  }
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ?? '';
    if (code.startsWith('invalid_search_'))
      return new SearchQueryError('q', `${action}: ${code}`, { cause: error });
    if (error.response.status >= 500) {
      return new SearchUnavailableError(`meilisearch failed during ${action}`, { cause: error });
    }
    return new SearchError(`meilisearch rejected ${action}: ${code}`, { cause: error });
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
