/**
 * The tip form's calls to `/api/v1`, all through the contract's typed client and route objects:
 * the answer types are the contract's, never restated here.
 */
import type { TipSubmit } from '@portal/contract';
import { type ApiClient, ApiClientError, type CallInput, type SuccessBody } from '@portal/contract/client';
import {
  type rewardDetailRoute,
  rewardListRoute,
  tipLookupRoute,
  tipSubmitRoute,
} from '@portal/contract/routes';
import { api } from '../shared/api-error.ts';

export type TipReceipt = SuccessBody<typeof tipSubmitRoute>;
export type TipStatusAnswer = SuccessBody<typeof tipLookupRoute>;
export type PublicReward = SuccessBody<typeof rewardDetailRoute>;

/** The site's same-origin client (tests pass their own). */
export { api };

/**
 * A fresh Idempotency-Key for one form: 128 random bits as hex. `crypto.getRandomValues` works on
 * plain-http intranet pages too, where `crypto.randomUUID` does not exist.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `tip-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The multipart body: the same fields as text (location as JSON), the photos under `photos`. */
export function tipFormData(body: TipSubmit, photos: readonly File[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  for (const photo of photos) form.append('photos', photo, photo.name);
  return form;
}

/**
 * Sends a checked tip; the same `idempotencyKey` for every retry of one form, so a retry after a
 * lost answer gets the first receipt instead of storing the tip twice. JSON without photos,
 * multipart with them. Throws ApiClientError with the server's zh-CN message and field.
 */
export function submitTip(
  body: TipSubmit,
  photos: readonly File[],
  idempotencyKey: string,
  client: ApiClient = api,
): Promise<TipReceipt> {
  const headers = { 'Idempotency-Key': idempotencyKey };
  if (photos.length === 0) return client.call(tipSubmitRoute, { json: body, headers });
  // The route takes the same fields as multipart/form-data; the client's `json` would win, so the
  // input carries only the form (the typed input requires `json` for routes with a JSON body).
  const multipart = { body: tipFormData(body, photos), headers } as unknown as CallInput<
    typeof tipSubmitRoute
  >;
  return client.call(tipSubmitRoute, multipart);
}

/** Status and messages for a receipt; the receipt travels only in the POST body. */
export function lookUpReceipt(receipt: string, client: ApiClient = api): Promise<TipStatusAnswer> {
  return client.call(tipLookupRoute, { json: { receipt } });
}

/** The 悬赏 notices in force for a listing (usually none or one). */
export async function rewardsForListing(
  listingId: string,
  signal?: AbortSignal,
  client: ApiClient = api,
): Promise<PublicReward[]> {
  const answer = await client.call(rewardListRoute, { query: { listingId }, ...(signal ? { signal } : {}) });
  return answer.items.filter((n) => n.listingId === listingId);
}

export { ApiClientError };
