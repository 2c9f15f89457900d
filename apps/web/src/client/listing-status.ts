/**
 * Live status check on a static listing page. The page was built from a snapshot; if the API now
 * answers 404/410 with its JSON error envelope, the listing was removed: hide the record at once
 * and say so. A page restored with Back from the browser's back/forward cache does not load again,
 * so it is checked again when shown. Any other failure (network, API down, a plain 404 from a
 * static host without the API) leaves the page as built.
 */
import { createApiClient } from '@portal/contract/client';
import { listingDetailRoute } from '@portal/contract/routes';
import { isRemovedError } from './removed-response.ts';

const api = createApiClient();

async function checkListingStatus(): Promise<void> {
  const root = document.getElementById('listing');
  const id = root?.dataset.listingId;
  if (!root || !id) return;
  try {
    await api.call(listingDetailRoute, { params: { id } });
    return;
  } catch (err) {
    if (!isRemovedError(err)) return;
  }
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
