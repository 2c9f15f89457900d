import { createApiClient } from '@portal/contract/client';
import { rewardListRoute } from '@portal/contract/routes';

/** Fills and reveals the listing page's 本案正在悬赏 line when a notice is in force. */
export async function showRewardLink(box: HTMLElement): Promise<void> {
  const listingId = box.dataset.listingId ?? '';
  try {
    const { items } = await createApiClient().call(rewardListRoute, { query: { listingId } });
    const notice = items.find((n) => n.listingId === listingId);
    const link = box.querySelector('a');
    if (!notice || !link) return;
    link.href = `/rewards/notice/?id=${encodeURIComponent(notice.id)}`;
    const terms = box.querySelector('[data-reward-terms]');
    if (terms) terms.textContent = notice.termsText;
    box.hidden = false;
  } catch {
    // no notice shown is the safe default: the 我要举报 link works regardless
  }
}
