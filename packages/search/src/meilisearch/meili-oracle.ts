/**
 * Test oracle: a TypeScript port of the parts of Meilisearch (milli, v1.50 @5cb2f2e; unchanged in
 * these respects since v1.15 except `attributeRank`, v1.36) that decide which documents a query over
 * the adapter's token fields returns, and in which order. No server is involved: it reads the
 * documents `toMeiliDocument` produces and the settings `MEILI_SETTINGS` declares.
 *
 * Ported, with their source:
 * - tokenization of a document (`update/new/extract/searchable/tokenize_document.rs`): fields in
 *   document order, words split on spaces at consecutive positions, array items 8 positions apart;
 * - `word_pair_proximity_docids` (`extract_word_pair_proximity_docids.rs`, `proximity.rs`): ordered
 *   pairs within one field at distance 1–3, the smallest distance kept per document;
 * - `compute_phrase_docids` (`search/new/resolve_query_graph.rs`): every word present, then in each
 *   window of 3 consecutive words, adjacent words at proximity 1 and the others at ≤ their distance;
 * - ranking rules `words` (matching strategy `last`: documents with the optional last term first),
 *   `attributeRank` (`ranking_rule_graph/fid`: the weight of the best field holding the phrase's
 *   first word), `exactness` (`exact_attribute.rs`: every phrase word at its bucketed position in
 *   some field, all of them in one field, that field's word count equal to the phrase's: exact;
 *   without the count: starts with), then the custom rules `nameLength:asc`, `id:asc`; for servers
 *   before 1.36, `attribute` = `attributeRank` then `wordPosition` (`ranking_rule_graph/position`).
 * Typo tolerance, prefix search, stop words and synonyms are off in the settings and not modelled.
 */
import type { MeiliDocument } from './meili-document.ts';
import { SEARCHABLE_FIELDS } from './meili-settings.ts';

/** `crate::proximity::MAX_DISTANCE`: pairs are stored at proximity 1..3 */
const MAX_PROXIMITY = 4;
/** distance between two array items (`tokenize_document.rs`, its own `MAX_DISTANCE`) */
const ARRAY_ITEM_GAP = 8;
/** `MAX_COUNTED_WORDS`: fields with more words never count as exact */
const MAX_COUNTED_WORDS = 30;

/** `crate::bucketed_position` */
export function bucketedPosition(relative: number): number {
  if (relative < 16) return relative;
  if (relative < 24) return 24;
  return 2 ** Math.ceil(Math.log2(relative));
}

interface Stream {
  words: Int32Array;
  fids: Uint8Array;
  positions: Uint16Array;
  /** words per searchable field */
  fieldWordCount: number[];
}

/** A matching document and its ranking keys, smaller first. */
export interface OracleHit {
  doc: MeiliDocument;
  /** 0 when the optional exact-case-number term matched too (`words`) */
  words: number;
  /** searchable-attribute weight of the best field holding the first phrase word (`attributeRank`) */
  attributeRank: number;
  /** 0 exact, 1 starts with, 2 neither (`exactness`) */
  exactness: number;
  /**
   * `wordPosition` cost (`ranking_rule_graph/position`): the cheapest bucketed position of the
   * phrase's first word in any field. Only ranked on when the oracle models a server before 1.36,
   * whose `attribute` rule is `attributeRank` then `wordPosition`.
   */
  wordPosition: number;
}

/** Which ranking rules the server applies: `attributeRank` (≥ 1.36) or its predecessor `attribute`. */
export type OracleRules = 'attributeRank' | 'attribute';

/** A query as the adapter sends it, split into Meilisearch terms. */
export interface OracleQuery {
  /** words of the mandatory phrase */
  phrase: string[];
  /** the optional last term (one word), dropped first by `matchingStrategy: 'last'` */
  optional?: string;
}

/** Splits a `q` built by `encodeQuery` (`"w1 w2 …" "k…"`) into its phrase and optional term. */
export function parseAdapterQuery(q: string): OracleQuery {
  const parts = [...q.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.split(' ').filter((w) => w !== ''));
  const [phrase = [], optional] = parts;
  return { phrase, ...(optional?.length === 1 ? { optional: optional[0]! } : {}) };
}

export class MeiliOracle {
  private readonly wordIds = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly streams: Stream[] = [];
  private readonly docs: MeiliDocument[] = [];
  private readonly searchable: readonly string[];

  private readonly rules: OracleRules;

  constructor(
    docs: Iterable<MeiliDocument>,
    options: { searchable?: readonly string[]; rules?: OracleRules } = {},
  ) {
    this.searchable = options.searchable ?? SEARCHABLE_FIELDS;
    this.rules = options.rules ?? 'attributeRank';
    for (const doc of docs) this.add(doc);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Matching documents in Meilisearch's order for the adapter's ranking rules (no sort, no filter). */
  search(query: OracleQuery): OracleHit[] {
    const phrase = query.phrase.map((w) => this.wordIds.get(w) ?? -1);
    if (phrase.length === 0 || phrase.includes(-1)) return [];
    const optional = query.optional === undefined ? -1 : (this.wordIds.get(query.optional) ?? -1);
    const checks = phrasePairChecks(phrase);
    const hits: OracleHit[] = [];
    for (const d of this.phraseCandidates(phrase)) {
      const stream = this.streams[d]!;
      if (!phraseMatches(stream, checks)) continue;
      const words = optional >= 0 && stream.words.includes(optional) ? 0 : 1;
      hits.push({
        doc: this.docs[d]!,
        words,
        attributeRank: attributeRank(stream, phrase[0]!),
        // with the optional term still in the query graph its position check cannot hold
        exactness: words === 0 ? 2 : exactness(stream, phrase, this.searchable.length),
        wordPosition: this.rules === 'attribute' ? wordPosition(stream, phrase[0]!) : 0,
      });
    }
    return hits.sort(compareHits);
  }

  private add(doc: MeiliDocument): void {
    const d = this.docs.length;
    this.docs.push(doc);
    const words: number[] = [];
    const fids: number[] = [];
    const positions: number[] = [];
    const fieldWordCount = this.searchable.map(() => 0);
    // document order of the fields, as `iter_top_level_fields` reads the stored JSON object
    for (const [field, value] of Object.entries(doc)) {
      const fid = this.searchable.indexOf(field);
      if (fid < 0) continue;
      const items = Array.isArray(value) ? value : [value];
      let position: number | undefined;
      for (const item of items) {
        if (typeof item !== 'string') continue;
        position = position === undefined ? 0 : position + ARRAY_ITEM_GAP;
        let offset = position;
        let first = true;
        for (const word of item.split(' ')) {
          if (word === '') continue;
          if (!first) offset++;
          first = false;
          position = offset;
          words.push(this.intern(word, d));
          fids.push(fid);
          positions.push(offset);
          fieldWordCount[fid]!++;
        }
      }
    }
    this.streams.push({
      words: Int32Array.from(words),
      fids: Uint8Array.from(fids),
      positions: Uint16Array.from(positions),
      fieldWordCount,
    });
  }

  private intern(word: string, doc: number): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.postings.length;
      this.wordIds.set(word, id);
      this.postings.push([]);
    }
    const list = this.postings[id]!;
    if (list[list.length - 1] !== doc) list.push(doc);
    return id;
  }

  /** Documents holding every phrase word (`word_docids` intersection), from the rarest word. */
  private phraseCandidates(phrase: number[]): number[] {
    const lists = [...new Set(phrase)].map((w) => this.postings[w]!).sort((a, b) => a.length - b.length);
    const [first, ...others] = lists;
    const sets = others.map((l) => new Set(l));
    return first!.filter((d) => sets.every((s) => s.has(d)));
  }
}

/**
 * The pair checks of `compute_phrase_docids`: per window of 3, adjacent words at proximity 1 and
 * the others within their distance. Key: `w1 * 2^20 + w2`; value: the largest proximity allowed
 * (several checks on one pair keep the strictest).
 */
function phrasePairChecks(phrase: number[]): Map<number, number> {
  const checks = new Map<number, number>();
  const winsize = Math.min(3, phrase.length);
  for (let start = 0; start + winsize <= phrase.length; start++) {
    for (let offset = 0; offset < winsize; offset++) {
      for (let dist = 0; offset + 1 + dist < winsize; dist++) {
        const key = phrase[start + offset]! * 0x100000 + phrase[start + offset + 1 + dist]!;
        const allowed = dist === 0 ? 1 : dist + 1;
        checks.set(key, Math.min(allowed, checks.get(key) ?? allowed));
      }
    }
  }
  return checks;
}

/**
 * `compute_phrase_docids` for one document already holding every phrase word: each checked pair's
 * stored proximity (`word_pair_proximity_docids` keeps the smallest distance, 1–3, of the ordered
 * pair within one field) must be within what the check allows.
 */
function phraseMatches(stream: Stream, checks: Map<number, number>): boolean {
  if (checks.size === 0) return true;
  const best = new Map<number, number>();
  const n = stream.words.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n && stream.fids[j] === stream.fids[i]; j++) {
      const prox = stream.positions[j]! - stream.positions[i]!;
      if (prox >= MAX_PROXIMITY) break;
      const key = stream.words[i]! * 0x100000 + stream.words[j]!;
      if (!checks.has(key)) continue;
      const held = best.get(key);
      if (held === undefined || prox < held) best.set(key, prox);
    }
  }
  for (const [key, allowed] of checks) {
    const prox = best.get(key);
    if (prox === undefined || prox > allowed) return false;
  }
  return true;
}

/** The `attributeRank` cost: lowest searchable index among the fields holding the first phrase word. */
function attributeRank(stream: Stream, firstWord: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < stream.words.length; i++) {
    if (stream.words[i] === firstWord && stream.fids[i]! < best) best = stream.fids[i]!;
  }
  return best;
}

/** `cost_from_distance` of the position rule */
function costFromDistance(distance: number): number {
  if (distance <= 1) return distance;
  if (distance <= 4) return 2;
  if (distance <= 7) return 3;
  if (distance <= 11) return 4;
  if (distance <= 16) return 5;
  if (distance <= 24) return 6;
  if (distance <= 64) return 7;
  if (distance <= 256) return 8;
  if (distance <= 1024) return 9;
  return 10;
}

/** The `wordPosition` cost of a phrase: its first word's cheapest bucketed position, any field. */
function wordPosition(stream: Stream, firstWord: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < stream.words.length; i++) {
    if (stream.words[i] === firstWord)
      best = Math.min(best, costFromDistance(bucketedPosition(stream.positions[i]!)));
  }
  return best;
}

/** `ExactAttribute`: 0 an attribute is exactly the phrase, 1 an attribute starts with it, 2 neither. */
function exactness(stream: Stream, phrase: number[], fieldCount: number): number {
  for (let k = 0; k < phrase.length; k++) {
    const wanted = bucketedPosition(k);
    let found = false;
    for (let i = 0; i < stream.words.length && !found; i++) {
      found = stream.words[i] === phrase[k] && bucketedPosition(stream.positions[i]!) === wanted;
    }
    if (!found) return 2;
  }
  let starts = false;
  for (let fid = 0; fid < fieldCount; fid++) {
    const all = phrase.every((w) => stream.words.some((x, i) => x === w && stream.fids[i] === fid));
    if (!all) continue;
    starts = true;
    const count = stream.fieldWordCount[fid]!;
    if (phrase.length < 255 && count <= MAX_COUNTED_WORDS && count === phrase.length) return 0;
  }
  return starts ? 1 : 2;
}

function compareHits(a: OracleHit, b: OracleHit): number {
  return (
    a.words - b.words ||
    a.attributeRank - b.attributeRank ||
    a.wordPosition - b.wordPosition ||
    a.exactness - b.exactness ||
    a.doc.nameLength - b.doc.nameLength ||
    (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0)
  );
}
