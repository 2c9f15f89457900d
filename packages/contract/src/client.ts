import type { z } from 'zod';
import type { ApiRoute } from './route.ts';

type JsonSchemaOf<T> = T extends { content: { 'application/json': { schema: infer S extends z.ZodType } } }
  ? S
  : never;
type SuccessStatus = 200 | 201;
type Request<R extends ApiRoute> = NonNullable<R['request']>;

/** The parsed JSON body of the route's 200/201 answer. */
export type SuccessBody<R extends ApiRoute> = {
  [K in keyof R['responses']]: K extends SuccessStatus ? z.output<JsonSchemaOf<R['responses'][K]>> : never;
}[keyof R['responses']];

type ParamsInput<R extends ApiRoute> =
  Request<R> extends { params: infer P extends z.ZodType } ? { params: z.input<P> } : { params?: undefined };
type QueryInput<R extends ApiRoute> =
  Request<R> extends { query: infer Q extends z.ZodType }
    ? { query?: Partial<z.input<Q>> }
    : { query?: undefined };
type JsonInput<R extends ApiRoute> =
  JsonSchemaOf<Request<R>['body']> extends never
    ? { json?: undefined }
    : { json: z.input<JsonSchemaOf<Request<R>['body']>> };

/** What `call` takes for a route: typed params, query and JSON body, plus transport options. */
export type CallInput<R extends ApiRoute> = ParamsInput<R> &
  QueryInput<R> &
  JsonInput<R> & {
    headers?: Record<string, string>;
    /** A non-JSON body (multipart form, CSV); `json` wins when both are given. */
    body?: RequestInit['body'];
    signal?: AbortSignal;
  };

/** A non-2xx answer (with the API's envelope when there was one) or a network failure (`status` 0). */
export class ApiClientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: unknown;
  /** Seconds from `Retry-After` on 429/503, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;
  /** True when the API itself answered with its error envelope (not a proxy, a static host or the network). */
  readonly enveloped: boolean;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    field?: string;
    details?: unknown;
    retryAfterSeconds?: number;
    enveloped?: boolean;
  }) {
    super(init.message);
    this.name = 'ApiClientError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.enveloped = init.enveloped ?? false;
  }
}

export interface ApiClientOptions {
  /** Origin the API lives on ('' for same-origin in browsers). */
  baseUrl?: string;
  /** Injected for tests (`app.request`) and for platforms without a global fetch (Taro). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Sent with every request (e.g. `Authorization` for scripts). */
  headers?: Record<string, string>;
  /** Cookies for the staff console's session. */
  credentials?: RequestInit['credentials'];
}

export interface ApiClient {
  call<R extends ApiRoute>(route: R, input?: CallInput<R>): Promise<SuccessBody<R>>;
  /** The URL `call` would request (e.g. for an <img src> of a GET route). */
  url<R extends ApiRoute>(route: R, input?: Pick<CallInput<R>, 'params' | 'query'>): string;
}

/**
 * One typed client for the site, the mini-program and the console.
 *
 * @example
 * const api = createApiClient();
 * const result = await api.call(searchRoute, { query: { q: '王', page: 1 } });
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));

  function url(route: ApiRoute, input: { params?: unknown; query?: unknown } = {}): string {
    const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = (input.params as Record<string, unknown> | undefined)?.[name];
      if (value === undefined || value === null) throw new TypeError(`missing path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries((input.query as Record<string, unknown> | undefined) ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
    }
    const qs = search.toString();
    return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  async function call<R extends ApiRoute>(route: R, input: CallInput<R> = {} as CallInput<R>) {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...options.headers,
      ...input.headers,
    };
    let body: RequestInit['body'] = input.body;
    if (input.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(input.json);
    }
    let response: Response;
    try {
      response = await doFetch(url(route, input), {
        method: route.method.toUpperCase(),
        headers,
        body,
        signal: input.signal,
        credentials: options.credentials,
      });
    } catch (cause) {
      if ((cause as { name?: string }).name === 'AbortError') throw cause;
      throw new ApiClientError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: '无法连接服务器，请检查网络后重试。',
      });
    }
    if (response.ok) return (await response.json()) as SuccessBody<R>;
    throw await errorFrom(response);
  }

  return { call, url: (route, input) => url(route, input) };
}

async function errorFrom(response: Response): Promise<ApiClientError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  try {
    const envelope = (await response.json()) as {
      error?: { code?: string; message?: string; field?: string; details?: unknown };
    };
    if (envelope.error?.code && envelope.error.message) {
      return new ApiClientError({
        status: response.status,
        code: envelope.error.code,
        message: envelope.error.message,
        field: envelope.error.field,
        details: envelope.error.details,
        retryAfterSeconds,
        enveloped: true,
      });
    }
  } catch {
    // not JSON (a proxy's error page): fall through to a generic message
  }
  // a 404 without the envelope: the API is not served at this address (a static host, a proxy)
  const unavailable = response.status >= 500 || response.status === 404;
  return new ApiClientError({
    status: response.status,
    code: unavailable ? 'UNAVAILABLE' : response.status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR',
    message: unavailable
      ? '服务暂时无法使用，请稍后再试。'
      : response.status === 429
        ? '操作过于频繁，请稍后再试。'
        : '请求未能完成，请稍后再试。',
    retryAfterSeconds,
  });
}
