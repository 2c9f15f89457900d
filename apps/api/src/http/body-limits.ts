import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.ts';

/** JSON bodies (drafts, corrections, tips) are small forms. */
export const MAX_JSON_BYTES = 256 * 1024;
/** A staff CSV import; larger files go through the command-line importer in chunks. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** Routes whose bodies may be larger than a JSON form, with their own cap and message. */
const LARGE_BODY_ROUTES: Record<string, { maxSize: number; message: string }> = {
  // tips with photos: the route caps JSON and multipart separately (features/tips/public-routes.ts)
  '/api/v1/tips': {
    maxSize: 6 * 10 * 1024 * 1024 + 256 * 1024,
    message: '提交的内容过大：每张照片不超过 10 MB，最多 6 张。',
  },
  '/api/v1/admin/listings/import': {
    maxSize: MAX_CSV_BYTES,
    message: 'CSV 文件不能超过 20 MB，请分批导入或使用命令行导入工具。',
  },
  // one photo of the mini-program's per-photo upload (features/tips)
  '/api/v1/tips/photos': {
    maxSize: 10 * 1024 * 1024 + 64 * 1024,
    message: '照片过大：每张不超过 10 MB。',
  },
};

function limit(maxSize: number, message?: string): MiddlewareHandler {
  return bodyLimitByLength(maxSize, () => {
    throw new ApiError('PAYLOAD_TOO_LARGE', {
      ...(message ? { message } : {}),
      headers: { Connection: 'close' },
      logDetail: `body over ${maxSize} bytes`,
    });
  });
}

/**
 * hono's `bodyLimit`, but a request with `Content-Length` (and no `Transfer-Encoding`) is judged
 * by its headers alone, as hono does, without touching `c.req.raw.body`: on the Node adapter that
 * builds a full fetch Request with a web stream per request, where `c.req.json()` otherwise reads
 * the socket directly (~0.1 ms of CPU per tip). A chunked body is still counted as it streams in.
 */
export function bodyLimitByLength(maxSize: number, onError: () => never): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length || '0', 10) > maxSize ? onError() : next();
    return streamed(c, next);
  };
}

/**
 * One size cap for every request body, checked from `Content-Length` before anything is read
 * and, for chunked uploads, while the stream is read: a 300 MB POST is refused with 413 and the
 * envelope after at most the cap has been buffered, never read whole.
 */
export function bodyLimits(): MiddlewareHandler {
  const byPath = new Map(
    Object.entries(LARGE_BODY_ROUTES).map(([path, { maxSize, message }]) => [path, limit(maxSize, message)]),
  );
  const json = limit(MAX_JSON_BYTES);
  return (c, next) =>
    // a GET or HEAD request has no body for the app (the Node adapter never passes one on), and
    // asking for it would build a full fetch Request per page view (~10% of a cached page's time)
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : (byPath.get(c.req.path) ?? json)(c, next);
}
