import { Converter } from 'opencc-js/t2cn';

/**
 * Normalisation shared by indexing and querying, so both sides always agree:
 * NFKC (full-width → half-width brackets and digits), traditional → simplified (OpenCC `t` → `cn`,
 * character by character so that index and query convert identically), ASCII lower case, and
 * whitespace, brackets of every kind and middle dots dropped (`（2017）琼9003` ≡ `2017琼9003`,
 * `阿卜杜拉·买买提` ≡ `阿卜杜拉买买提`).
 */
const toSimplified = Converter({ from: 't', to: 'cn' });

const DROPPED = new Set([...'()[]{}〔〕【】〖〗［］｛｝「」『』〈〉《》·•・‧']);

/** Per code point: its normalised replacement ('' = dropped). Filled lazily, bounded by the charset. */
const charCache = new Map<number, string>();

function normalizeChar(cp: number): string {
  let out = charCache.get(cp);
  if (out !== undefined) return out;
  const ch = String.fromCodePoint(cp);
  out = '';
  if (cp < 0x20 || cp === 0x7f) {
    charCache.set(cp, out); // control characters: the index uses U+0001 as its field separator
    return out;
  }
  for (const c of toSimplified(ch.normalize('NFKC')).toLowerCase()) {
    if (!DROPPED.has(c) && c.trim() !== '') out += c;
  }
  charCache.set(cp, out);
  return out;
}

function isPlainAscii(cp: number): boolean {
  // digits and lower-case letters pass through unchanged
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a);
}

/**
 * Normalises text for the search index and for queries.
 * @example normalizeForSearch('（2017）瓊9003執1234號') // '2017琼9003执1234号'
 * @example normalizeForSearch('王偉') // '王伟'
 */
export function normalizeForSearch(text: string): string {
  // Fast path: most stored text (simplified names, canonical case numbers) maps to itself.
  let i = 0;
  for (; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (isPlainAscii(cp)) continue;
    if (cp >= 0xd800 && cp <= 0xdfff) break;
    if (normalizeChar(cp) !== text[i]) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    out += isPlainAscii(cp) ? String.fromCharCode(cp) : normalizeChar(cp);
  }
  return out;
}
