import type { PublicListing } from '@portal/domain';
import { normalizeForSearch } from '../normalize.ts';

/**
 * Test oracle: the relevance order of a query by a plain scan of every listing (exact name or case
 * number 0, name prefix 1, inside the name 2, another field 3; then shorter names; then id).
 */
export function rankedByScan(docs: Iterable<PublicListing>, query: string): string[] {
  const q = normalizeForSearch(query);
  return [...docs]
    .map((d) => ({ d, tier: scanTier(d, q), len: normalizeForSearch(d.name).length }))
    .filter((r) => r.tier >= 0)
    .sort((a, b) => a.tier - b.tier || a.len - b.len || (a.d.id < b.d.id ? -1 : 1))
    .map((r) => r.d.id);
}

function scanTier(d: PublicListing, q: string): number {
  const name = normalizeForSearch(d.name);
  const caseNo = normalizeForSearch(d.caseNo);
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(q)) return 2;
  if (caseNo === q) return 0;
  const rest = [caseNo, d.legalRepresentative, d.uscc, d.idNumberMasked, d.orgCode];
  return rest.some((f) => f && normalizeForSearch(f).includes(q)) ? 3 : -1;
}
