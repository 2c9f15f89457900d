/**
 * On a listing page: when a 悬赏 notice is in force for the listing, show the link to it (the
 * page itself is static or cached; notices come and go). The API client and its schemas load
 * only once the page is idle, so the listing itself renders as fast as before.
 */
const box = document.getElementById('listing-reward');
if (box?.dataset.listingId) {
  const run = () => {
    import('./reward-link-check.ts').then(
      (m) => m.showRewardLink(box),
      () => {}, // no notice shown is the safe default: the 我要举报 link works regardless
    );
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 300);
}
