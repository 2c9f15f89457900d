/**
 * True when the API says a listing is gone: 404 or 410 with a JSON body (the error envelope).
 * A 404 without JSON comes from a host that does not serve the API, and proves nothing.
 * @example
 * isRemovedResponse(410, 'application/json; charset=utf-8') // true
 * isRemovedResponse(404, 'text/html') // false
 */
export function isRemovedResponse(status: number, contentType: string | null): boolean {
  return (status === 404 || status === 410) && (contentType ?? '').includes('application/json');
}
