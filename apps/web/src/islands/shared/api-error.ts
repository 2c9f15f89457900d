/**
 * Errors from `/api/v1`: the JSON envelope `{ error: { code, message, field?, requestId } }`, or a
 * transport failure. `message` is always a zh-CN sentence a citizen can read.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;

  constructor(message: string, opts: { code: string; status: number; field?: string | undefined }) {
    super(message);
    this.name = 'ApiError';
    this.code = opts.code;
    this.status = opts.status;
    this.field = opts.field;
  }
}

interface Envelope {
  error: { code: string; message: string; field?: string; requestId?: string };
}

function isEnvelope(body: unknown): body is Envelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

function fallbackMessage(status: number): string {
  if (status === 429) return '操作过于频繁，请稍后再试。';
  if (status >= 500 || status === 404) return '服务暂时无法使用，请稍后再试。';
  return '请求未能完成，请检查填写的内容后重试。';
}

/**
 * Sends a request to the API and returns its JSON body, or throws ApiError with a zh-CN message.
 * @example
 * const stats = await requestJson<{ listed: number }>('/api/v1/stats');
 */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('无法连接服务器，请检查网络后重试。', { code: 'NETWORK', status: 0 });
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  const body: unknown = isJson ? await res.json().catch(() => undefined) : undefined;
  if (res.ok && isJson) return body as T;
  if (isEnvelope(body)) {
    throw new ApiError(body.error.message, {
      code: body.error.code,
      status: res.status,
      field: body.error.field,
    });
  }
  throw new ApiError(fallbackMessage(res.status), { code: 'UNAVAILABLE', status: res.status });
}
