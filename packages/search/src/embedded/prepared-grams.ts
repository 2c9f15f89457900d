import type { Columns } from './columns.ts';
import type { ExactMatches } from './digit-tokens.ts';
import { matchTier, tierFloor } from './match-tier.ts';
import {
  type Posting,
  postingAdd,
  postingDecode,
  postingLength,
  postingRemove,
  postingTrim,
} from './posting-list.ts';

/**
 * Lengths of the prepared n-grams. A one- or two-unit query's own posting list is exact already;
 * Chinese words are mostly two to four characters, and a query of three or four units made of
 * common words (`房地产`, `建筑工`, `实业有限`) is what the bigram lists cannot answer without a
 * re-check of every candidate (10^5 at 3M demo listings, nearly all of them matches).
 */
export const PREPARED_MIN_LENGTH = 3;
export const PREPARED_MAX_LENGTH = 4;
/** Listings read to choose the grams (evenly spaced over the slots). */
const SAMPLE_LISTINGS = 65_536;
/** A gram seen fewer times than this in a sample of part of the listings is not trusted to be frequent. */
const MIN_SAMPLE_HITS = 8;
/** At most this many grams… */
const MAX_GRAMS = 4096;
/**
 * …holding at most this many list entries (estimated from the sample) per listing on average, name
 * lists not counted (at 300k demo listings the grams in over 100 listings hold ~3 per listing; an
 * entry is a byte or two).
 */
const MAX_ENTRIES_PER_LISTING = 4;
/** Slots read per step of a background preparation (~1 µs each on this machine: a request waits ≤ ~16 ms). */
const SCAN_STEP = 16_384;
/** Bits of the filter of chosen grams' hashes (128 KB), read at every CJK position of a scan. */
const FILTER_BITS = 20;

function isCjk(c: number): boolean {
  return c >= 0x2e80 && (c < 0xd800 || c > 0xdfff);
}

/** FNV-1a over `n` code units ending at `end` (inclusive), folded to FILTER_BITS bits. */
function gramHash(text: string, end: number, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let i = end - n + 1; i <= end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & ((1 << FILTER_BITS) - 1);
}

/**
 * Exact posting lists of the frequent all-CJK n-grams of three and four code units, chosen from
 * the data after a bulk load (as Meilisearch prepares lists for frequent prefixes): a query that is
 * one of them is answered from its list without re-checking a candidate against its haystack.
 * Which grams: those a sample of the listings says occur in at least `minCount` listings, most
 * frequent first, within `MAX_GRAMS` and `MAX_ENTRIES_PER_LISTING` (at 300k demo listings the
 * grams over 300 listings hold ~1.5 entries per listing, those over 100 ~3). Not in the snapshot file: chosen and
 * filled again after a load.
 *
 * Lists follow the writes like the bigram lists: a new or changed listing joins the lists of its
 * grams, a changed one leaves those it no longer holds, a removed one stays (dead slots are left
 * out when a list is read) until the index compacts. Filling (`fill`) runs in steps over the
 * slots: a write to a slot the fill has passed updates the lists, one to a slot ahead of it is
 * read when the fill gets there; the lists answer queries only once the fill is complete.
 */
export class PreparedGrams {
  /** chosen gram → its index in the arrays below */
  private readonly ids = new Map<string, number>();
  /** per chosen gram: its list (undefined while no live or dead slot holds it) */
  private lists: (Posting | undefined)[] = [];
  /** per chosen gram: the slots holding it in their name (so its relevance tier is known, see `matches`) */
  private nameLists: (Posting | undefined)[] = [];
  private readonly filter = new Uint8Array(1 << (FILTER_BITS - 3));
  /** slots below this are in the lists (`Infinity`: all of them, new ones as they come) */
  private covered = 0;
  /** bumped when the lists are dropped, so a fill in progress stops */
  private generation = 0;

  /** Grams chosen (whether or not their lists are filled yet). */
  get size(): number {
    return this.ids.size;
  }

  /** True when the lists hold every slot and answer queries. */
  get ready(): boolean {
    return this.covered === Number.POSITIVE_INFINITY && this.ids.size > 0;
  }

  /**
   * Chooses the grams from a sample of the live listings and empties the lists (fill them with
   * `fill`). `minCount`: the fewest listings (estimated) a gram must occur in.
   */
  choose(haystacks: string[], slotCount: number, alive: Uint8Array, minCount: number): void {
    this.drop();
    const step = Math.max(1, Math.floor(slotCount / SAMPLE_LISTINGS));
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    let live = 0;
    for (let slot = 0; slot < slotCount; slot += step) {
      if (alive[slot] !== 1) continue;
      live++;
      const text = haystacks[slot]!;
      seen.clear();
      let run = 0;
      for (let i = 0; i < text.length; i++) {
        run = isCjk(text.charCodeAt(i)) ? run + 1 : 0;
        for (let n = PREPARED_MIN_LENGTH; n <= Math.min(run, PREPARED_MAX_LENGTH); n++) {
          const gram = text.slice(i - n + 1, i + 1);
          if (seen.has(gram)) continue;
          seen.add(gram);
          counts.set(gram, (counts.get(gram) ?? 0) + 1);
        }
      }
    }
    const minHits = Math.max(step === 1 ? 1 : MIN_SAMPLE_HITS, Math.ceil(minCount / step));
    const frequent = [...counts].filter(([, hits]) => hits >= minHits).sort((a, b) => b[1] - a[1]);
    let budget = live * step * MAX_ENTRIES_PER_LISTING;
    for (const [gram, hits] of frequent) {
      if (this.ids.size >= MAX_GRAMS || hits * step > budget) break;
      budget -= hits * step;
      this.ids.set(gram, this.ids.size);
      this.lists.push(undefined);
      this.nameLists.push(undefined);
      const h = gramHash(gram, gram.length - 1, gram.length);
      this.filter[h >>> 3]! |= 1 << (h & 7);
    }
  }

  /**
   * Fills the lists from the haystacks, a step of slots at a time (`haystacks` and `slotCount` are
   * read anew at each step: listings added meanwhile are read too). Stops early when the lists are
   * dropped or chosen again meanwhile. `step`: slots read per step.
   */
  *fill(haystacks: () => string[], slotCount: () => number, step = SCAN_STEP): Generator<void, void> {
    const generation = this.generation;
    while (this.generation === generation && this.covered < slotCount()) {
      const until = Math.min(slotCount(), this.covered + step);
      const texts = haystacks();
      // a dead slot's haystack is '' (it is left out of the lists; reads would drop it anyway)
      for (let slot = this.covered; slot < until; slot++) this.addGrams(slot, texts[slot]!);
      this.covered = until;
      if (this.covered < slotCount()) yield;
    }
    if (this.generation !== generation) return;
    for (const lists of [this.lists, this.nameLists])
      for (let id = 0; id < lists.length; id++)
        if (lists[id] !== undefined) lists[id] = postingTrim(lists[id]!);
    this.covered = Number.POSITIVE_INFINITY;
  }

  /** A new listing at `slot`, or a changed one's new text (after `remove` with its old text). */
  add(slot: number, haystack: string): void {
    if (slot < this.covered && this.ids.size > 0) this.update(slot, haystack, true);
  }

  /** Takes `slot` out of the lists of the grams of `haystack` (its text before a change). */
  remove(slot: number, haystack: string): void {
    if (slot < this.covered && this.ids.size > 0) this.update(slot, haystack, false);
  }

  /**
   * The live slots holding `text` (a normalised query), ascending, with their relevance tiers, when
   * it is a prepared gram and the lists are ready; else null. A tier is known without reading the
   * haystack when the name cannot start with `text` nor the case number equal it (`tierFloor` 2):
   * 2 when the name holds it (its name list), else 3; the rest (names starting with the text's
   * first character, short case numbers: few) are read. `alive`: as for `GramIndex.candidates`.
   */
  matches(
    text: string,
    haystacks: string[],
    columns: Pick<Columns, 'nameLength' | 'nameFirst'>,
    alive: Uint8Array | undefined,
  ): ExactMatches | null {
    if (!this.ready || text.length < PREPARED_MIN_LENGTH || text.length > PREPARED_MAX_LENGTH) return null;
    const id = this.ids.get(text);
    if (id === undefined) return null;
    const slots = decoded(this.lists[id], alive);
    const names = decoded(this.nameLists[id], alive);
    const tiers = new Uint8Array(slots.length);
    const { nameLength, nameFirst } = columns;
    let j = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      while (j < names.length && names[j]! < slot) j++;
      if (tierFloor(nameFirst[slot]!, text, nameLength[slot]!) === 2) tiers[i] = names[j] === slot ? 2 : 3;
      else tiers[i] = matchTier(haystacks[slot]!, text, nameLength[slot]!);
    }
    return { slots, tiers };
  }

  /** `matches` without the tiers (tests). */
  exact(text: string, alive: Uint8Array | undefined): Uint32Array | null {
    const id = this.ids.get(text);
    return !this.ready || id === undefined ? null : decoded(this.lists[id], alive);
  }

  /**
   * Empties the lists but keeps the chosen grams, complete from slot 0: for a compaction, which
   * re-inserts every live listing from slot 0 (each joins its lists through `add`).
   */
  restart(): void {
    this.generation++;
    this.lists.fill(undefined);
    this.nameLists.fill(undefined);
    this.covered = Number.POSITIVE_INFINITY;
  }

  /** Forgets the grams and their lists. */
  drop(): void {
    this.generation++;
    this.ids.clear();
    this.lists = [];
    this.nameLists = [];
    this.filter.fill(0);
    this.covered = 0;
  }

  private addGrams(slot: number, haystack: string): void {
    this.update(slot, haystack, true);
  }

  /**
   * Adds `slot` to (or takes it out of) the lists of the chosen grams occurring in `haystack`, and
   * to the name lists of those occurring in the name (a gram twice: twice; both are idempotent).
   */
  private update(slot: number, haystack: string, add: boolean): void {
    // the name is the first field; a run of CJK units never crosses a separator
    const nameEnd = haystack.indexOf('\u0001');
    const filter = this.filter;
    let run = 0;
    for (let i = 0; i < haystack.length; i++) {
      run = isCjk(haystack.charCodeAt(i)) ? run + 1 : 0;
      if (run < PREPARED_MIN_LENGTH) continue;
      for (let n = PREPARED_MIN_LENGTH; n <= PREPARED_MAX_LENGTH && n <= run; n++) {
        const h = gramHash(haystack, i, n);
        if ((filter[h >>> 3]! & (1 << (h & 7))) === 0) continue;
        const id = this.ids.get(haystack.slice(i - n + 1, i + 1));
        if (id === undefined) continue;
        const inName = nameEnd < 0 || i < nameEnd;
        if (add) {
          this.lists[id] = postingAdd(this.lists[id], slot);
          if (inName) this.nameLists[id] = postingAdd(this.nameLists[id], slot);
        } else {
          this.lists[id] = postingRemove(this.lists[id], slot);
          if (inName) this.nameLists[id] = postingRemove(this.nameLists[id], slot);
        }
      }
    }
  }
}

/** A posting's slots (live ones when `alive` is given), ascending, in a new array. */
function decoded(p: Posting | undefined, alive: Uint8Array | undefined): Uint32Array {
  if (p === undefined) return new Uint32Array(0);
  const out = new Uint32Array(postingLength(p));
  return out.subarray(0, postingDecode(p, out, alive));
}
