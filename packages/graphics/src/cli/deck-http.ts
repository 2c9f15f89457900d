/** HTTP for the deck export, with zh-CN messages a TV-station operator can act on. */

export class DeckExportError extends Error {
  /** process exit code: 2 unreachable, 3 the API refused, 64 bad usage */
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DeckExportError';
    this.exitCode = exitCode;
  }
}

const TIMEOUT_MS = 30_000;

function unreachable(url: string, cause: unknown): DeckExportError {
  const code = (cause as { cause?: { code?: string } })?.cause?.code ?? (cause as { name?: string })?.name;
  const why =
    code === 'ECONNREFUSED'
      ? '连接被拒绝'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? '找不到该主机'
        : code === 'TimeoutError'
          ? '请求超时'
          : '网络错误';
  const origin = new URL(url).origin;
  return new DeckExportError(
    `无法连接到接口服务 ${origin}（${why}）。请确认服务已启动（npm start），并检查 --api 地址是否正确。`,
    2,
    { cause },
  );
}

async function request(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (cause) {
    throw unreachable(url, cause);
  }
  if (res.ok) return res;
  let detail = '';
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    detail = body.error?.message ? `：${body.error.message}` : '';
  } catch {
    // not the JSON error envelope
  }
  throw new DeckExportError(`接口返回错误 ${res.status}${detail}（${new URL(url).pathname}）`, 3);
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await request(url);
  try {
    return (await res.json()) as T;
  } catch (cause) {
    throw new DeckExportError(`接口返回的内容不是有效的 JSON（${new URL(url).pathname}）`, 3, { cause });
  }
}

export async function getPng(url: string): Promise<Buffer> {
  const res = await request(url);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('image/png')) {
    throw new DeckExportError(`接口返回的不是 PNG 图片（${type || '无类型'}，${new URL(url).pathname}）`, 3);
  }
  return Buffer.from(await res.arrayBuffer());
}
