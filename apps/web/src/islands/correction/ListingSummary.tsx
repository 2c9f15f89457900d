import type { PublicListing } from '@portal/domain';
import { useEffect, useState } from 'react';
import { ApiError } from '../shared/api-error.ts';
import { fetchListing } from './submit-correction.ts';

type Lookup =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'found'; listing: PublicListing }
  | { kind: 'missing' }
  | { kind: 'unavailable' };

/** Shows which published listing the request is about, so the applicant can check it is theirs. */
export function ListingSummary({ listingId }: { listingId: string }) {
  const [lookup, setLookup] = useState<Lookup>({ kind: 'none' });
  useEffect(() => {
    const id = listingId.trim();
    if (!/^[\w-]{1,64}$/.test(id)) {
      setLookup({ kind: 'none' });
      return;
    }
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      setLookup({ kind: 'loading' });
      fetchListing(id, ctrl.signal).then(
        (listing) => setLookup({ kind: 'found', listing }),
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          const gone = err instanceof ApiError && err.enveloped && (err.status === 404 || err.status === 410);
          setLookup({ kind: gone ? 'missing' : 'unavailable' });
        },
      );
    }, 300);
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [listingId]);

  // `lookup` reserves a line, so the check appearing does not move the fields below it mid-click.
  return (
    <div aria-live="polite" className="field lookup">
      {lookup.kind === 'loading' && <p className="hint">正在核对记录…</p>}
      {lookup.kind === 'found' && (
        <p className="success">
          {`您申请纠正的记录：${lookup.listing.name}，案号${lookup.listing.caseNo}，${lookup.listing.court}。`}
        </p>
      )}
      {lookup.kind === 'missing' && (
        <p className="notice-box">
          没有找到正在公布的这条记录。它可能已经删除；如仍有异议，请直接联系执行法院。
        </p>
      )}
      {lookup.kind === 'unavailable' && <p className="hint">暂时无法核对记录，您仍可以提交申请。</p>}
    </div>
  );
}
