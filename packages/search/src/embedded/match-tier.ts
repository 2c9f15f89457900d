/**
 * Where a normalised query sits in a haystack (`name␁caseNo␁…`, see haystack.ts), as the relevance
 * tier: 0 exact name or exact case number, 1 name prefix, 2 inside the name, 3 another field;
 * −1 when the haystack does not contain the query. Same answer as taking the first occurrence
 * (`indexOf`) and classifying it, but the name (a few characters, where most relevance is
 * decided) is compared in place and only the rest is searched: about 2–3× cheaper than
 * `indexOf` over the whole haystack (measured over 300k demo listings), and a pass does this for
 * every candidate.
 */
export function matchTier(haystack: string, text: string, nameLength: number): number {
  const m = text.length;
  if (matchesAt(haystack, text, 0)) return m === nameLength ? 0 : 1;
  for (let i = 1; i + m <= nameLength; i++) if (matchesAt(haystack, text, i)) return 2;
  // the query holds no separator, so a match past the name starts after the name's separator
  const pos = haystack.indexOf(text, nameLength + 1);
  if (pos < 0) return -1;
  return pos === nameLength + 1 && haystack.charCodeAt(pos + m) === 1 ? 0 : 3;
}

/** `nameFirst` mark of a listing whose case number could equal a query of `TIER_FLOOR_MAX` units or fewer. */
export const ANY_TIER = 0xffff;
/**
 * The longest query `tierFloor` answers for: the longest whose candidates can be exact without a
 * re-check (a prepared gram, see prepared-grams.ts; one or two units: their own posting list).
 */
export const TIER_FLOOR_MAX = 4;

/**
 * What `tierFloor` needs to know of a listing without reading its haystack: the name's first code
 * unit, or `ANY_TIER` when its case number is one to `TIER_FLOOR_MAX` code units long (so a short
 * query could be that exact case number, tier 0).
 */
export function nameFirstMark(haystack: string, nameLength: number): number {
  const caseEnd = haystack.indexOf('\u0001', nameLength + 1);
  const caseLength = (caseEnd < 0 ? haystack.length : caseEnd) - nameLength - 1;
  return caseLength >= 1 && caseLength <= TIER_FLOOR_MAX ? ANY_TIER : haystack.charCodeAt(0);
}

/**
 * The best tier a listing known to contain `text` (of at most `TIER_FLOOR_MAX` units) can have, from its
 * `nameFirstMark` and name length alone: 0 for a possible exact name, 1 for a name starting with
 * the text's first unit, else 2. Lets a relevance pass skip `matchTier` for a listing that cannot
 * reach the page (the haystack read is what a pass over 10^5 matches spends its time on).
 */
export function tierFloor(mark: number, text: string, nameLength: number): number {
  if (mark === ANY_TIER) return 0;
  if (mark !== text.charCodeAt(0)) return 2;
  return nameLength === text.length ? 0 : 1;
}

function matchesAt(haystack: string, text: string, at: number): boolean {
  for (let j = 0; j < text.length; j++) if (haystack.charCodeAt(at + j) !== text.charCodeAt(j)) return false;
  return true;
}
