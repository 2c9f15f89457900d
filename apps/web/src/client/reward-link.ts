/**
 * On a listing page: when a 悬赏 notice is in force for the listing, show the link to it (the
 * page itself is static or cached; notices come and go). Nothing shows while none is in force.
 */
import { rewardListRoute } from '@portal/contract';
import { createApiClient } from '@portal/contract/client';

const box = document.getElementById('listing-reward');
const listingId = box?.dataset.listingId;
if (box && listingId) {
  createApiClient()
    .call(rewardListRoute, { query: { listingId } })
    .then(({ items }) => {
      const notice = items.find((n) => n.listingId === listingId);
      const link = box.querySelector('a');
      if (!notice || !link) return;
      link.href = `/rewards/notice/?id=${encodeURIComponent(notice.id)}`;
      const terms = box.querySelector('[data-reward-terms]');
      if (terms) terms.textContent = notice.termsText;
      box.hidden = false;
    })
    .catch(() => {
      // no notice shown is the safe default: the 我要举报 link works regardless
    });
}
