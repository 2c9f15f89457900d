import { matchTier } from './match-tier.ts';
import { type Posting, postingAdd, postingDecode, postingLength, postingRemove } from './posting-list.ts';

/**
 * Court-code characters of Chinese case numbers (`（2025）琼9002执1234号`): the province
 * abbreviations, 兵 (兵团 courts) and 最 (最高法). Around these the whole digit runs on both sides
 * are one token (`2025琼9002`); after any other CJK character only the digits that follow it are
 * (`执1234`): a token with the court digits before `执` would be nearly one per listing.
 */
const ANCHORS = new Uint8Array(65536);
for (const c of '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼兵最')
  ANCHORS[c.charCodeAt(0)] = 1;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A character that can carry tokens: CJK and friends (never ASCII, separators or surrogates). */
function isTokenChar(c: number): boolean {
  return c >= 0x2e80 && (c < 0xd800 || c > 0xdfff);
}

/**
 * Where the one token character of `text[from, to)` is when that span is shaped
 * `digits? char digits?` with at least one digit, else −1.
 */
function tokenCharAt(text: string, from: number, to: number): number {
  let at = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) continue;
    if (at >= 0 || !isTokenChar(c)) return -1;
    at = i;
  }
  return to - from < 2 ? -1 : at;
}

/**
 * The map key of the token `text[from, to)` with its character at `at`: a number encoding the
 * run lengths, the character and the digits when they fit (no string made per listing on the
 * build path), else the token itself.
 */
function tokenKey(text: string, from: number, to: number, at: number): number | string {
  const left = at - from;
  const right = to - at - 1;
  if (left > 7 || right > 7 || left + right > 8) return text.slice(from, to);
  let digits = 0;
  for (let i = from; i < to; i++) if (i !== at) digits = digits * 10 + text.charCodeAt(i) - 0x30;
  return ((left * 8 + right) * 65536 + text.charCodeAt(at)) * 1e8 + digits; // < 2^53
}

/** Exact matches of a query with their relevance tiers (`matchTier`), ascending by slot. */
export interface ExactMatches {
  slots: Uint32Array;
  tiers: Uint8Array;
}

/**
 * Exact answers for digit fragments around one CJK character — `(2025)琼9002`, `琼90`, `2025琼`,
 * `执35` — the case-number fragments whose bigrams (`5琼`, `90`, `00`, `02`) cannot tell
 * `2025琼9002…` from `2025琼9001执1002号`, so the bigram index hands over up to 10× more candidates
 * than matches, each re-checked against its haystack (issue 13: `(2025)琼9002`, 294k candidates
 * for 27k matches at 3M listings).
 *
 * A token is a CJK character with the maximal digit runs around it (`2025琼9002`, see `ANCHORS`
 * for which side), indexed outside the name. A query `digits char digits` (one CJK character, at
 * least one digit; leading digits only for an anchor) occurs in a field exactly when one of the
 * field's tokens for that character contains it, because the digit runs of a token are maximal.
 * So the union of the posting lists of the tokens containing the query is its exact match set in
 * the fields after the name, and each such match sits in the tier "another field" (3).
 * Listings for which that is not the whole story are listed in `rechecked` and checked one by one
 * (`matchTier`): a name with a CJK character next to a digit (it may match in the name, tier 1–2),
 * and a case number that is a single token (the query may equal it: tier 0). Memory: about one
 * varint per listing (its court head) plus one per case type number, in a few thousand lists.
 */
export class DigitTokens {
  /** token → slots holding it (dead slots stay until the index is compacted, like the gram lists) */
  private readonly lists = new Map<number | string, Posting>();
  /** token character → its tokens (text and map key), for the scan of a query's candidates */
  private readonly byChar = new Map<number, { text: string; key: number | string }[]>();
  private rechecked: Posting | undefined;
  private bits = new Uint32Array(0);
  /** scratch buffers: a query's answer lives in them until the next one (no garbage per query) */
  private readonly scratch = [0, 1, 2, 3].map(() => new Uint32Array(1024));
  private outTiers = new Uint8Array(1024);
  /** the tokens of one haystack: start, end and character position of each */
  private spans = new Int32Array(3 * 16);

  add(slot: number, haystack: string, nameLength: number): void {
    if (needsRecheck(haystack, nameLength)) this.rechecked = postingAdd(this.rechecked, slot);
    const count = this.tokenSpans(haystack, nameLength);
    const spans = this.spans;
    for (let t = 0; t < 3 * count; t += 3) {
      const at = spans[t + 2]!;
      const key = tokenKey(haystack, spans[t]!, spans[t + 1]!, at);
      const p = this.lists.get(key);
      if (p === undefined) {
        const c = haystack.charCodeAt(at);
        const token = { text: haystack.slice(spans[t]!, spans[t + 1]!), key };
        const tokens = this.byChar.get(c);
        if (tokens) tokens.push(token);
        else this.byChar.set(c, [token]);
      }
      const next = postingAdd(p, slot);
      if (next !== p) this.lists.set(key, next);
    }
  }

  /** Takes `slot` out of the lists of `haystack` (a listing whose text changes in place). */
  remove(slot: number, haystack: string, nameLength: number): void {
    if (needsRecheck(haystack, nameLength)) this.rechecked = postingRemove(this.rechecked, slot);
    const count = this.tokenSpans(haystack, nameLength);
    const spans = this.spans;
    for (let t = 0; t < 3 * count; t += 3) {
      const at = spans[t + 2]!;
      const key = tokenKey(haystack, spans[t]!, spans[t + 1]!, at);
      const next = postingRemove(this.lists.get(key), slot);
      if (next !== undefined) {
        this.lists.set(key, next);
        continue;
      }
      if (!this.lists.delete(key)) continue;
      const c = haystack.charCodeAt(at);
      const tokens = this.byChar.get(c)!;
      tokens.splice(
        tokens.findIndex((token) => token.key === key),
        1,
      );
      if (tokens.length === 0) this.byChar.delete(c);
    }
  }

  /**
   * Fills `spans` with the tokens of the fields after the name (the name's are not indexed: a
   * listing with one is rechecked instead, see `needsRecheck`) and returns how many.
   */
  private tokenSpans(haystack: string, nameLength: number): number {
    const end = haystack.length;
    let n = 0;
    for (let i = nameLength + 1; i < end; i++) {
      const c = haystack.charCodeAt(i);
      if (!isTokenChar(c)) continue;
      const digitBefore = isDigit(haystack.charCodeAt(i - 1));
      const digitAfter = i + 1 < end && isDigit(haystack.charCodeAt(i + 1));
      const anchor = ANCHORS[c] === 1;
      if (!digitAfter && !(anchor && digitBefore)) continue;
      let from = i;
      if (anchor) while (from > 0 && isDigit(haystack.charCodeAt(from - 1))) from--;
      let to = i + 1;
      while (to < end && isDigit(haystack.charCodeAt(to))) to++;
      if (3 * n + 3 > this.spans.length) {
        const grown = new Int32Array(this.spans.length * 2);
        grown.set(this.spans);
        this.spans = grown;
      }
      this.spans[3 * n] = from;
      this.spans[3 * n + 1] = to;
      this.spans[3 * n + 2] = i;
      n++;
    }
    return n;
  }

  clear(): void {
    this.lists.clear();
    this.byChar.clear();
    this.rechecked = undefined;
    this.bits = new Uint32Array(0);
    for (let i = 0; i < this.scratch.length; i++) this.scratch[i] = new Uint32Array(1024);
  }

  /**
   * The live slots whose haystack contains `q` (normalised) with their tiers, or `null` when `q`
   * is not a fragment this index answers (then the bigram index does). `alive`: undefined when
   * no slot is dead. The answer lives in scratch buffers: copy it to keep it past the next call.
   */
  matches(
    q: string,
    haystacks: string[],
    nameLength: Uint8Array | Uint16Array,
    slotCount: number,
    alive: Uint8Array | undefined,
  ): ExactMatches | null {
    // one or two code units: their own bigram (or single-character) list is exact already
    const at = q.length < 3 ? -1 : tokenCharAt(q, 0, q.length);
    if (at < 0 || (at > 0 && ANCHORS[q.charCodeAt(at)] !== 1)) return null;
    const hits: Posting[] = [];
    for (const token of this.byChar.get(q.charCodeAt(at)) ?? [])
      if (token.text.includes(q)) hits.push(this.lists.get(token.key)!);
    const fromTokens = this.union(hits, slotCount, alive);
    const extra = this.rechecked === undefined ? this.buffer(2, 0) : this.decode(this.rechecked, alive, 2);
    // merge: token matches are tier 3 unless also rechecked; rechecked ones count when they match
    const slots = this.buffer(3, fromTokens.length + extra.length);
    if (this.outTiers.length < slots.length) this.outTiers = new Uint8Array(this.scratch[3]!.length);
    const tiers = this.outTiers;
    let n = 0;
    let i = 0;
    let j = 0;
    while (i < fromTokens.length || j < extra.length) {
      const a = i < fromTokens.length ? fromTokens[i]! : 0xffffffff;
      const b = j < extra.length ? extra[j]! : 0xffffffff;
      if (b <= a) {
        j++;
        if (b === a) i++; // counted once, with its real tier
        const tier = matchTier(haystacks[b]!, q, nameLength[b]!);
        if (tier < 0) continue;
        slots[n] = b;
        tiers[n++] = tier;
      } else {
        i++;
        slots[n] = a;
        tiers[n++] = 3;
      }
    }
    return { slots: slots.subarray(0, n), tiers: tiers.subarray(0, n) };
  }

  /**
   * An upper bound of how many slots `matches(q)` returns (the lengths of the lists it would
   * unite, dead slots included), or `null` when `q` is not a fragment this index answers.
   */
  matchBound(q: string): number | null {
    const at = q.length < 3 ? -1 : tokenCharAt(q, 0, q.length);
    if (at < 0 || (at > 0 && ANCHORS[q.charCodeAt(at)] !== 1)) return null;
    let n = this.rechecked === undefined ? 0 : postingLength(this.rechecked);
    for (const token of this.byChar.get(q.charCodeAt(at)) ?? [])
      if (token.text.includes(q)) n += postingLength(this.lists.get(token.key)!);
    return n;
  }

  /** Distinct tokens held (diagnostics). */
  get size(): number {
    return this.lists.size;
  }

  /** Scratch buffer `which`, at least `n` long (its first `n` elements are returned). */
  private buffer(which: number, n: number): Uint32Array {
    if (this.scratch[which]!.length < n) this.scratch[which] = new Uint32Array(Math.ceil(n * 1.5));
    return this.scratch[which]!.subarray(0, n);
  }

  private decode(p: Posting, alive: Uint8Array | undefined, which: number): Uint32Array {
    const out = this.buffer(which, postingLength(p));
    return out.subarray(0, postingDecode(p, out, alive));
  }

  /** The live slots of the postings together, ascending (one posting: decoded; more: via a bitmap). */
  private union(postings: Posting[], slotCount: number, alive: Uint8Array | undefined): Uint32Array {
    if (postings.length === 0) return this.buffer(0, 0);
    if (postings.length === 1) return this.decode(postings[0]!, alive, 0);
    const words = (slotCount >>> 5) + 1;
    if (this.bits.length < words) this.bits = new Uint32Array(words);
    const bits = this.bits;
    let total = 0;
    for (const p of postings) {
      const scratch = this.buffer(1, postingLength(p));
      const n = postingDecode(p, scratch, alive);
      for (let i = 0; i < n; i++) {
        const slot = scratch[i]!;
        const word = slot >>> 5;
        const bit = 1 << (slot & 31);
        if ((bits[word]! & bit) === 0) {
          bits[word]! |= bit;
          total++;
        }
      }
    }
    const out = this.buffer(0, total);
    let n = 0;
    for (let w = 0; w < words && n < total; w++) {
      let word = bits[w]!;
      if (word === 0) continue;
      bits[w] = 0; // left clear for the next query
      while (word !== 0) {
        const low = word & -word;
        out[n++] = w * 32 + 31 - Math.clz32(low);
        word ^= low;
      }
    }
    return out;
  }
}

/**
 * The token-shaped pieces of a query holding more than one CJK character (`2025琼9006执162`:
 * `2025琼9006`, `执162`): each CJK character with the digits after it, and before it for an
 * anchor. A listing matching the query matches each piece, so a piece's exact matches
 * (`DigitTokens.matches`) are candidates for the query, to be re-checked.
 */
export function tokenPieces(q: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < q.length; i++) {
    if (!isTokenChar(q.charCodeAt(i))) continue;
    let from = i;
    if (ANCHORS[q.charCodeAt(i)] === 1) while (from > 0 && isDigit(q.charCodeAt(from - 1))) from--;
    let to = i + 1;
    while (to < q.length && isDigit(q.charCodeAt(to))) to++;
    if (to - from >= 2 && to - from < q.length) pieces.push(q.slice(from, to));
  }
  return pieces;
}

/**
 * True when a token match alone would not give the listing's tier: its name holds a CJK
 * character next to a digit (the query may match in the name), or its case number (the field
 * after the name) is one CJK character between digits (the query may equal it: an exact case hit).
 */
function needsRecheck(haystack: string, nameLength: number): boolean {
  for (let i = 0; i < nameLength; i++) {
    if (!isTokenChar(haystack.charCodeAt(i))) continue;
    if (
      (i > 0 && isDigit(haystack.charCodeAt(i - 1))) ||
      (i + 1 < nameLength && isDigit(haystack.charCodeAt(i + 1)))
    )
      return true;
  }
  let end = haystack.indexOf('\u0001', nameLength + 1);
  if (end < 0) end = haystack.length;
  return tokenCharAt(haystack, nameLength + 1, end) >= 0;
}
