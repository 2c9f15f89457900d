import { bigramTokens, caseKeyToken, unigramTokens } from './gram-tokens.ts';

/**
 * Phrase matching in Meilisearch (`compute_phrase_docids`) checks word pairs in windows of three
 * consecutive phrase words, document-wide: a phrase of up to 3 bigram tokens (a query of up to 4
 * code units) is exact unless its middle code units repeat (see `needsRecheck`), a longer one can
 * be satisfied by two overlapping windows found in different places of one listing. Such queries
 * are re-checked (meili-recheck.ts).
 */
export const EXACT_PHRASE_MAX_LENGTH = 4;

/** The search terms for a normalised, non-empty query. */
export interface EncodedQuery {
  /** the query as one quoted phrase: one unigram, one bigram, or consecutive bigrams */
  match: string;
  /** `match` plus the optional exact-case-number term (`matchingStrategy: 'last'` drops it first) */
  q: string;
}

/**
 * Encodes a normalised query: 1 code unit → its unigram token, 2 → one bigram token, ≥ 3 → the
 * phrase of its bigram tokens. A phrase is one query term, so Meilisearch's 10-term limit never
 * applies; the exact-case-number digest is a second, optional term.
 * @example encodeQuery('王伟').q // '"b738b4f1f" "k…"'
 */
export function encodeQuery(normalized: string): EncodedQuery {
  if (normalized === '') throw new RangeError('encodeQuery needs a non-empty normalised query');
  const tokens = normalized.length === 1 ? unigramTokens(normalized) : bigramTokens(normalized);
  const match = `"${tokens.join(' ')}"`;
  const caseKey = caseKeyToken(normalized);
  return { match, q: `${match} "${caseKey}"` };
}
