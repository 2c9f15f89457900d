import { createHash } from 'node:crypto';

/**
 * The token alphabet the Meilisearch adapter indexes and queries with. Meilisearch (charabia)
 * segments Chinese with jieba and never matches inside a word, so the adapter hands it no Chinese
 * at all: every UTF-16 code unit of the normalised text becomes lower-case hex, and the searchable
 * fields hold space-separated opaque ASCII words that charabia keeps whole (Latin script, no
 * language detection, no camel case, no separator inside):
 *
 * - bigram  `b` + hex4(c1) + hex4(c2)  (9 characters): two adjacent code units;
 * - unigram `u` + hex4(c)              (5 characters): one code unit (a bare surname, `1`, `*`);
 * - `s0`: the sentinel that opens every "other fields" array, so those fields never start with
 *   a query and never count as exact (Meilisearch's exactness looks at position 0);
 * - `k` + 16 hex (17 characters): a digest of the whole normalised case number, for the exact
 *   case-number tier.
 *
 * Working on code units, not code points, keeps parity with the embedded engine, whose bigrams and
 * substring test are over UTF-16 too: a character outside the BMP is two units, and a query holding
 * it matches exactly where `String.prototype.includes` does.
 */

export const SENTINEL = 's0';

const HEX = Array.from({ length: 65536 }, (_, unit) => unit.toString(16).padStart(4, '0'));

/** `b` + two hex code units: the bigram starting at `i`. */
export function bigramToken(text: string, i: number): string {
  return `b${HEX[text.charCodeAt(i)]}${HEX[text.charCodeAt(i + 1)]}`;
}

export function unigramToken(text: string, i: number): string {
  return `u${HEX[text.charCodeAt(i)]}`;
}

/** Overlapping bigram tokens of a normalised text, in order (none below 2 code units). */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(bigramToken(text, i));
  return out;
}

/** One unigram token per code unit, in order. */
export function unigramTokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) out.push(unigramToken(text, i));
  return out;
}

/** The exact-case-number token of a normalised case number (`null` for an empty one). */
export function caseKeyToken(normalizedCaseNo: string): string | null {
  if (normalizedCaseNo === '') return null;
  return `k${createHash('sha256').update(normalizedCaseNo).digest('hex').slice(0, 16)}`;
}

const BIGRAM = /^b([0-9a-f]{4})([0-9a-f]{4})$/;
const UNIGRAM = /^u([0-9a-f]{4})$/;

/**
 * The text a bigram or unigram token stands for (tests and diagnostics: proves what a stored
 * document reveals). `null` for the sentinel, a case key or anything else.
 */
export function decodeToken(token: string): string | null {
  const b = BIGRAM.exec(token);
  if (b) return String.fromCharCode(Number.parseInt(b[1]!, 16), Number.parseInt(b[2]!, 16));
  const u = UNIGRAM.exec(token);
  return u ? String.fromCharCode(Number.parseInt(u[1]!, 16)) : null;
}

/** Every token an opaque word may be: what charabia must leave whole. */
export const TOKEN_PATTERN = /^(?:b[0-9a-f]{8}|u[0-9a-f]{4}|s0|k[0-9a-f]{16})$/;
