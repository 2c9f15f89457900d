import { createApiClient } from '@portal/contract/client';
import type { TipReceipt } from '@portal/contract/routes';
import { tipSubmitRoute } from '@portal/contract/routes';
import Taro from '@tarojs/taro';
import { api } from '../../api/client.ts';
import { type TipFormState, tipFields } from './tip-form.ts';

declare const API_BASE: string;

export type Progress = (sentFraction: number) => void;

/** A Response-like object from status, headers and body text (what the contract client reads). */
function responseOf(status: number, headers: Record<string, string>, text: string): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (n: string) => lower[n.toLowerCase()] ?? null },
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

/** fetch over XMLHttpRequest, the browser API that reports upload progress (H5). */
function xhrFetch(onProgress: Progress) {
  return (url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? 'POST', url);
      for (const [k, v] of Object.entries((init.headers as Record<string, string>) ?? {}))
        xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => {
        const headers: Record<string, string> = {};
        const retryAfter = xhr.getResponseHeader('Retry-After');
        if (retryAfter) headers['retry-after'] = retryAfter;
        resolve(responseOf(xhr.status, headers, xhr.responseText));
      };
      xhr.onerror = () => reject(new TypeError('network error'));
      xhr.send(init.body as XMLHttpRequestBodyInit);
    });
}

/**
 * fetch over `Taro.uploadFile` (weapp): one file per call, the other fields as form fields; any
 * HTTP status counts as success there, so the status decides.
 */
function uploadFileFetch(filePath: string, fields: Record<string, string>, onProgress: Progress) {
  return (url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const headers = { ...((init.headers as Record<string, string>) ?? {}) };
      delete headers['Content-Type'];
      const task = Taro.uploadFile({
        url,
        filePath,
        name: 'photos',
        formData: fields,
        header: headers,
        success: (res) => resolve(responseOf(res.statusCode, {}, res.data)),
        fail: () => reject(new TypeError('network error')),
      });
      task.progress?.((p) => onProgress(p.progress / 100));
    });
}

function asText(fields: ReturnType<typeof tipFields>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return out;
}

/**
 * Sends the tip once (the caller retries with the same key). Without photos: JSON through the
 * contract client. With photos: multipart `photos` through the same client over a transport that
 * reports progress. Throws `ApiClientError` (status 0 for a network failure).
 */
export async function submitTip(
  form: TipFormState,
  idempotencyKey: string,
  onProgress: Progress,
): Promise<TipReceipt> {
  const headers = { 'Idempotency-Key': idempotencyKey };
  const fields = tipFields(form);
  if (form.photos.length === 0) {
    const receipt = await api.call(tipSubmitRoute, { json: fields as never, headers });
    onProgress(1);
    return receipt;
  }
  if (process.env.TARO_ENV === 'h5') {
    const body = new FormData();
    for (const [k, v] of Object.entries(asText(fields))) body.append(k, v);
    for (const [i, photo] of form.photos.entries()) {
      const blob = await (await fetch(photo.path)).blob();
      body.append(
        'photos',
        new File([blob], `photo-${i + 1}.${blob.type === 'image/png' ? 'png' : 'jpg'}`, { type: blob.type }),
      );
    }
    const client = createApiClient({ baseUrl: API_BASE, fetch: xhrFetch(onProgress) });
    // `json` left out on purpose: the client sends `body` (multipart) as it is
    return client.call(tipSubmitRoute, { json: undefined as never, body, headers });
  }
  // UNFINISHED: WeChat's uploadFile carries one file per call and the tip API takes all photos
  // in the one multipart request, so the weapp build sends the first photo only (the form says so).
  const first = form.photos[0]!;
  const client = createApiClient({
    baseUrl: API_BASE,
    fetch: uploadFileFetch(first.path, asText(fields), onProgress),
  });
  return client.call(tipSubmitRoute, { json: undefined as never, headers });
}
