import { ApiClientError } from '@portal/contract/client';

/**
 * True when the API says a listing is gone: 404 or 410 with its error envelope. A 404 without
 * the envelope comes from a host that does not serve the API, and proves nothing.
 * @example
 * isRemovedError(new ApiClientError({ status: 410, code: 'LISTING_GONE', message: '…', enveloped: true })) // true
 */
export function isRemovedError(err: unknown): boolean {
  return err instanceof ApiClientError && err.enveloped && (err.status === 404 || err.status === 410);
}
