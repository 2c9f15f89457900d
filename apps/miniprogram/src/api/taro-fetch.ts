import Taro from '@tarojs/taro';

/** The part of `Response` the contract client reads. */
interface MinimalResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

/**
 * A `fetch` for `createApiClient` built on `Taro.request`: the mini-program has no global
 * fetch/Response. The body comes back as text and is parsed on demand, so the client's error
 * path sees the API's envelope exactly as a browser would.
 */
export async function taroFetch(input: string, init: RequestInit): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase() as keyof Taro.request.Method;
  const result = await Taro.request<string>({
    url: input,
    method,
    header: (init.headers as Record<string, string> | undefined) ?? {},
    data: typeof init.body === 'string' ? init.body : undefined,
    dataType: 'text',
    responseType: 'text',
  });
  const headers = lowerCaseKeys(result.header as Record<string, unknown> | undefined);
  const text = typeof result.data === 'string' ? result.data : JSON.stringify(result.data);
  const response: MinimalResponse = {
    ok: result.statusCode >= 200 && result.statusCode < 300,
    status: result.statusCode,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    json: async () => JSON.parse(text),
  };
  return response as unknown as Response;
}

function lowerCaseKeys(header: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(header ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}
