import type { PublicListing } from '@portal/domain';
import { searchableTexts } from './meili-document.ts';
import { EXACT_PHRASE_MAX_LENGTH } from './meili-query-text.ts';

/** Candidates fetched to find phrase false positives; beyond this only the page is re-checked. */
export const RECHECK_LIMIT = 1_000;

/** The raw fields a re-check reads (all public: the name and the other searchable fields). */
export const RECHECK_FIELDS = [
  'id',
  'name',
  'caseNo',
  'legalRepresentative',
  'uscc',
  'idNumberMasked',
  'orgCode',
] as const;

export type RecheckFields = Pick<PublicListing, (typeof RECHECK_FIELDS)[number]>;

/**
 * Whether Meilisearch's phrase match for this query can hold listings that do not contain it:
 * longer than EXACT_PHRASE_MAX_LENGTH, or 4 code units whose middle two are equal (`1001`: the
 * window's outer pair `10`→`01` may sit at distance 1 in `101`, so `100` here and `001` there pass).
 */
export function needsRecheck(normalized: string): boolean {
  if (normalized.length === EXACT_PHRASE_MAX_LENGTH) return normalized[1] === normalized[2];
  return normalized.length > EXACT_PHRASE_MAX_LENGTH;
}

/**
 * The embedded engine's test: the normalised query is a substring of the normalised name or of
 * one other searchable field (never across two fields).
 */
export function containsQuery(listing: RecheckFields, normalized: string): boolean {
  const { name, rest } = searchableTexts(listing);
  return name.includes(normalized) || rest.some((text) => text.includes(normalized));
}

/** Ids of the candidates that do not contain the query: to exclude with a filter. */
export function falsePositives(candidates: RecheckFields[], normalized: string): string[] {
  return candidates.filter((c) => !containsQuery(c, normalized)).map((c) => c.id);
}
