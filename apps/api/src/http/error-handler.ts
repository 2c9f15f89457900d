import { SearchQueryError, SearchUnavailableError } from '@portal/search';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorEnvelope } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Turns anything thrown in a handler into the one error envelope of CONTRACT.md. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError('PAYLOAD_TOO_LARGE', { cause: err });
    if (err.status === 401) return new ApiError('UNAUTHENTICATED', { cause: err });
    if (err.status === 415) {
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', {
        cause: err,
        message: '请以 application/json 格式提交。',
      });
    }
    // the contract's JSON validator could not parse the body
    if (err.status === 400 && /json/i.test(err.message)) return new ApiError('INVALID_JSON', { cause: err });
    return new ApiError('BAD_REQUEST', { cause: err, logDetail: err.message });
  }
  if (err instanceof SearchUnavailableError) return new ApiError('SEARCH_UNAVAILABLE', { cause: err });
  if (err instanceof SearchQueryError) {
    return new ApiError('INVALID_PARAMETER', { field: err.field, cause: err, logDetail: err.message });
  }
  return new ApiError('INTERNAL', {
    cause: err,
    logDetail: err instanceof Error ? err.message : String(err),
  });
}

export function handleError(logger: Logger) {
  return (err: unknown, c: Context) => {
    const apiError = toApiError(err);
    const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
    const log = { requestId, code: apiError.code, status: apiError.status, path: c.req.path };
    if (apiError.status >= 500) logger.error({ ...log, err: apiError.cause ?? apiError }, apiError.message);
    else logger.info(log, 'request rejected');
    for (const [k, v] of Object.entries(apiError.headers)) c.header(k, v);
    return c.json(errorEnvelope(apiError, requestId), apiError.status);
  };
}
