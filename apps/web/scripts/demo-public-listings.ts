/**
 * Published demo listings as the public read model holds them: @portal/demo-data drafts, stored
 * as published records and projected with the domain's `toPublicListing` (masked ID, age, term).
 */
import { generateDemoListings } from '@portal/demo-data';
import {
  isPubliclyVisible,
  type ListingRecord,
  type PublicListing,
  termEndsAt,
  todayInChina,
  toPublicListing,
} from '@portal/domain';

/**
 * `count` demo listings (fewer if some are already past their term on `today`), ids `demo-{seed}-{n}`.
 * @example
 * demoPublicListings({ count: 10, seed: 1 })[0]?.demo // true
 */
export function demoPublicListings(opts: { count: number; seed: number; today?: string }): PublicListing[] {
  const today = opts.today ?? todayInChina();
  const out: PublicListing[] = [];
  let n = 0;
  for (const draft of generateDemoListings({ count: opts.count, seed: opts.seed, today, withUnits: false })) {
    const record: ListingRecord = {
      ...draft,
      id: `demo-${opts.seed}-${String(n++).padStart(5, '0')}`,
      status: 'published',
      termEndsAt: termEndsAt(draft.category, draft.listedAt, draft.termExtensionYears ?? 0),
      unitId: null,
      removedAt: null,
      removalReason: null,
    };
    if (isPubliclyVisible(record, today)) out.push(toPublicListing(record));
  }
  return out;
}
