import type { PublicListing } from '@portal/domain';
import { normalizeForSearch } from '../normalize.ts';

/** Field separator inside a haystack; normalised queries never contain it. */
export const SEPARATOR = '\u0001';

/**
 * The normalised searchable text of a listing: name, case number, legal representative, USCC,
 * masked ID number and organisation code, in this order, joined by U+0001. The name comes first so a match position
 * tells name-exact / name-prefix / name-infix apart; the case number second for exact case hits.
 */
export function buildHaystack(doc: PublicListing): { haystack: string; nameLength: number } {
  const name = normalizeForSearch(doc.name);
  const haystack = [
    name,
    normalizeForSearch(doc.caseNo),
    normalizeForSearch(doc.legalRepresentative ?? ''),
    normalizeForSearch(doc.uscc ?? ''),
    normalizeForSearch(doc.idNumberMasked ?? ''),
    normalizeForSearch(doc.orgCode ?? ''),
  ].join(SEPARATOR);
  return { haystack, nameLength: name.length };
}
