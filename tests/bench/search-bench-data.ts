/**
 * Benchmark data: `@portal/demo-data` listings (synthetic Hainan defaulters with valid IDs),
 * projected with domain's `toPublicListing` and keyed with the identifier hash, exactly as the
 * publisher would hand them to a search index. Deterministic per seed and reference date.
 */

import { generateDemoListings } from '@portal/demo-data';
import { type ListingRecord, termEndsAt, toPublicListing } from '@portal/domain';
import type { SearchDocument } from '@portal/search';

/** A fixed reference date keeps runs comparable (ages, terms, listing dates). */
const TODAY = '2026-11-27';

/** `count` search documents, ids `D00000000`…, deterministic per seed. */
export function* benchDocuments(
  count: number,
  hash: (value: string) => string,
  seed = 7,
): Generator<SearchDocument> {
  let i = 0;
  for (const draft of generateDemoListings({ count, seed, today: TODAY, withUnits: false })) {
    const record: ListingRecord = {
      ...draft,
      id: `D${String(i++).padStart(8, '0')}`,
      status: 'published',
      idNumber: draft.idNumber ?? null,
      gender: draft.gender ?? null,
      uscc: draft.uscc ?? null,
      legalRepresentative: draft.legalRepresentative ?? null,
      termEndsAt: termEndsAt(draft.category, draft.listedAt, draft.termExtensionYears ?? 0),
      unitId: null,
      removedAt: null,
      removalReason: null,
    };
    const identifier = draft.kind === 'person' ? draft.idNumber : draft.uscc;
    yield {
      ...toPublicListing(record),
      version: 1,
      ...(identifier ? { identifierKey: hash(identifier) } : {}),
    };
  }
}

/** mulberry32: small, fast, deterministic (query mix). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
