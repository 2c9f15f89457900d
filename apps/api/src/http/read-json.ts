import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

const MAX_JSON_BYTES = 256 * 1024;

/** Reads a JSON body with a size cap; bad JSON is a 400 with a zh-CN message, never a 500. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json/i.test(type)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: '请以 application/json 格式提交。' });
  }
  const text = await c.req.text();
  if (text.length > MAX_JSON_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('INVALID_JSON');
  }
}
