/**
 * Live status check on a static listing page. The page was built from a snapshot; if the API now
 * answers 404/410 with its JSON error envelope, the listing was removed: hide the record at once
 * and say so. A page restored with Back from the browser's back/forward cache does not load again,
 * so it is checked again when shown. Any other failure (network, API down, a plain 404 from a static host without the
 * API) leaves the page as built.
 */
import { isRemovedResponse } from './removed-response.ts';

async function checkListingStatus(): Promise<void> {
  const root = document.getElementById('listing');
  const id = root?.dataset.listingId;
  if (!root || !id) return;
  let res: Response;
  try {
    res = await fetch(`/api/v1/listings/${encodeURIComponent(id)}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return;
  }
  // Read the (small) body either way: an unread body keeps the request open in some browsers.
  await res.text().catch(() => '');
  if (!isRemovedResponse(res.status, res.headers.get('content-type'))) return;
  const record = document.getElementById('listing-record');
  const gone = document.getElementById('listing-gone');
  if (record) record.remove();
  if (gone) {
    gone.hidden = false;
    gone.focus();
  }
  document.title = '该信息已依法删除或不再公布 - 失信曝光台';
}

void checkListingStatus();
window.addEventListener('pageshow', (event) => {
  if (event.persisted) void checkListingStatus();
});
