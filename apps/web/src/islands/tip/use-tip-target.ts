import { rewardDetailRoute } from '@portal/contract/routes';
import type { PublicListing } from '@portal/domain';
import { useEffect, useState } from 'react';
import { fetchListing } from '../correction/submit-correction.ts';
import { ApiError } from '../shared/api-error.ts';
import { ApiClientError, api, type PublicReward, rewardsForListing } from './tip-api.ts';

/** Who the tip is about, as the page learns it from `?listing=` or `?notice=`. */
export type TipTarget =
  | { kind: 'none' }
  | { kind: 'loading' }
  /** a published listing, with the 悬赏 notice in force for it (if any) */
  | { kind: 'listing'; listing: PublicListing; notice: PublicReward | null }
  /** opened from a notice whose listing could not be shown: the notice names the defaulter */
  | { kind: 'notice'; notice: PublicReward }
  | { kind: 'gone'; what: 'listing' | 'notice' }
  | { kind: 'unavailable'; listingId: string };

const ID = /^[\w-]{1,64}$/;

/** Reads `?listing=` / `?notice=` (never anything else from the URL). */
export function targetParams(search: string): { listingId: string; noticeId: string } {
  const q = new URLSearchParams(search);
  const clean = (v: string | null) => (v && ID.test(v) ? v : '');
  return { listingId: clean(q.get('listing')), noticeId: clean(q.get('notice')) };
}

const isGone = (err: unknown) =>
  (err instanceof ApiClientError || err instanceof ApiError) &&
  (err.status === 404 || err.status === 410) &&
  err.code !== 'UNAVAILABLE';

async function loadTarget(listingId: string, noticeId: string, signal: AbortSignal): Promise<TipTarget> {
  let notice: PublicReward | null = null;
  if (noticeId) {
    try {
      notice = await api.call(rewardDetailRoute, { params: { id: noticeId }, signal });
      listingId = notice.listingId;
    } catch (err) {
      if (isGone(err)) return { kind: 'gone', what: 'notice' };
      throw err;
    }
  }
  let listing: PublicListing;
  try {
    listing = await fetchListing(listingId, signal);
  } catch (err) {
    if (isGone(err)) return { kind: 'gone', what: 'listing' };
    if (notice) return { kind: 'notice', notice };
    return { kind: 'unavailable', listingId };
  }
  if (!notice) {
    // A listing page's 我要举报 does not know of notices; offer the claim when one is in force.
    notice = (await rewardsForListing(listingId, signal).catch(() => []))[0] ?? null;
  }
  return { kind: 'listing', listing, notice };
}

/**
 * Loads the listing (and notice) the form was opened for. A listing that is no longer published
 * turns the form away: tips go to the unit handling a published listing.
 */
export function useTipTarget(listingId: string, noticeId: string): TipTarget {
  const [target, setTarget] = useState<TipTarget>(() =>
    listingId || noticeId ? { kind: 'loading' } : { kind: 'none' },
  );
  useEffect(() => {
    if (!listingId && !noticeId) return;
    const ctrl = new AbortController();
    loadTarget(listingId, noticeId, ctrl.signal).then(
      (t) => ctrl.signal.aborted || setTarget(t),
      () => ctrl.signal.aborted || setTarget({ kind: 'unavailable', listingId }),
    );
    return () => ctrl.abort();
  }, [listingId, noticeId]);
  return target;
}
