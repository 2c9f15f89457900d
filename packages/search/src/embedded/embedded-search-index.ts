import type { PublicListing } from '@portal/domain';
import { checkSearchDocument } from '../document-checks.ts';
import { parseFullIdentifier } from '../identifier.ts';
import { normalizeForSearch } from '../normalize.ts';
import { toStoredListing } from '../public-listing.ts';
import { emptyFacets, resolveQuery } from '../query.ts';
import type {
  SearchDocument,
  SearchIndex,
  SearchIndexOptions,
  SearchQuery,
  SearchResult,
} from '../search-index.ts';
import { Columns } from './columns.ts';
import { DigitTokens, tokenPieces } from './digit-tokens.ts';
import { GramIndex } from './gram-index.ts';
import { buildHaystack } from './haystack.ts';
import { IdentifierKeys } from './identifier-keys.ts';
import { ListingStore } from './listing-store.ts';
import { nameFirstMark } from './match-tier.ts';
import { walkPage } from './page-walk.ts';
import { PreparedGrams } from './prepared-grams.ts';
import { type Candidates, type PassResult, runSearchPass } from './search-pass.ts';
import {
  type CapturedSnapshot,
  captureSnapshot,
  type IndexParts,
  readSnapshot,
  type SnapshotHeader,
  type SnapshotMeta,
} from './snapshot.ts';
import { copyOrderColumns, SortOrders } from './sort-orders.ts';
import { TermCache } from './term-cache.ts';
import { exactMatches, syncEntry, type TermEntry, termEntry } from './term-entry.ts';
import { WriteLog } from './write-log.ts';

/** What one slot holds, as `storedEntries()` shows it (for tests and diagnostics). */
export interface StoredEntry {
  doc: PublicListing;
  version: number;
  identifierKey: string | undefined;
  haystack: string;
}

/**
 * In-process read model for Chinese: a bigram inverted index (sorted `Uint32Array` posting lists)
 * with a substring re-check on normalised text, single-character lists for bare surnames, and
 * columnar typed arrays for filters, disjunctive facets and sorting. Upsert and remove touch only
 * the changed listing's posting lists. See the package README for the measurements behind this choice.
 *
 * Broad queries (a surname, 公司, 执1: tens of thousands of matches and more) cost what their page
 * costs (issue 13): a term asked twice gets a `TermEntry` (exact match set + histogram over
 * filter-value combinations, for totals and facets under any filters) and its page is a walk along
 * index-wide `SortOrders` (or the term's relevance order) that stops when the page is full; a term
 * matching 1/64 to 1/4 of the listings walks its own matches in those orders (term-orders.ts). Writes
 * do not invalidate either: they go to a `WriteLog` merged into each answer, and the orders are
 * rebuilt once 1/64 of the listings were written, in the background (a phase per turn of the
 * event loop) while the current ones keep serving. Listings are packed per slot (`ListingStore`),
 * posting lists are varint-packed (`posting-list.ts`), identifier keys sit in one byte array.
 * Case-number fragments of digits around one CJK character (`(2025)琼9002`, `执35`) are answered
 * exactly from `DigitTokens` instead of bigram candidates that each need a re-check, and a fragment
 * of several such characters takes its candidates from its smallest token piece. Frequent words
 * of three or four CJK characters (`房地产`, `实业有限`) are answered from `PreparedGrams`: exact
 * lists chosen from the data when the index is prepared, with name lists that give each match's
 * relevance tier without its haystack. Over any exact match set a relevance page is found by
 * bucketing the matches by (tier, or its floor from the name's first unit; name length) and
 * reading buckets in order until the page is settled (`topByFloor`).
 * Memory at 1M (demo data, tests/bench): heap ~650 MB after a build, RSS ~700 MB when loaded
 * from a snapshot (`snapshot.ts`), ~1.0 GB right after a build (V8 keeps the pages the build's
 * garbage used). At 10M (2026-11-30, `search.bench.ts --sizes 10000000 --engines new
 * --no-postgres`, load average ~1.5, term orders cut once due): build 226 s wall / 268 s CPU (of
 * which 26 s preparing sort orders and words), RSS +7.3 GB, standard mix p50 1.1 / p95 18 ms (CPU
 * p95 22 ms; 145 ms / CPU 82 ms before the prepared words, buckets and token pieces), broad mix
 * p50 0.26 / p95 2.1 ms (7.5 ms before the term orders; see the package README).
 * Caveat (issue 13): the 10M build meets its 300 s target on a quiet machine (268 s of CPU); under
 * load the wall time has been up to 1.6× the CPU time, so it is not met with a margin. The build's CPU time goes to the listing store (value ids, packing) and posting-list
 * appends about a quarter each, GC ~15 %, normalisation ~10 % (profile of a 500k build); digit
 * tokens made the build ~20 % more CPU at 1M, the prepared words ~1 s per million listings (one
 * read of every haystack). The words are chosen once per `prepare` (at start-up in the API): a
 * word that becomes frequent later is served by bigram candidates and re-checks until the next.
 */
export interface EmbeddedSearchIndexOptions extends SearchIndexOptions {
  /** compact once this many removed slots exist and they outnumber live ones (default 50,000) */
  minDeadSlotsToCompact?: number;
  /**
   * a query whose candidates number at least this many is served from a per-term entry and the
   * sort orders instead of a pass over every candidate (default 2,000; 0 = every text query)
   */
  broadQueryMin?: number;
  /**
   * a broad term gets its entry on this sighting (default 2: a term asked once, like most long
   * fragments, is served by a pass and costs no entry; first keystrokes repeat all the time)
   */
  termEntryOnSighting?: number;
  /**
   * a broad term's sorted pages walk its own order (term-orders.ts) once the pages served without
   * it have cost this many times the index's order length in base-list reads (default 2, about
   * what cutting the order costs; 0 = cut it for the first page that could use it)
   */
  termOrderRent?: number;
  /** writes after which the sort orders are rebuilt (default: 4,096 or 1/64 of the listings) */
  rebuildAfterWrites?: number;
  /**
   * an n-gram of three or four CJK characters found in at least this many listings (estimated from
   * a sample) gets an exact list when the index is prepared (default 2,000; see prepared-grams.ts)
   */
  preparedGramMin?: number;
  /**
   * a case fragment of several CJK characters takes its candidates from its smallest token piece
   * when that piece matches at most this many listings (default: 64, or 1/256 of the slots)
   */
  tokenPieceMax?: number;
}

/**
 * A token piece seeds a fragment's candidates only when its matches are at most 1/this of all
 * slots, or few anyway (past that, the bigram lists' intersection is likely the cheaper set).
 */
const PIECE_SHARE = 256;
const PIECE_FEW = 64;

export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const;
  private readonly hashIdentifier: (value: string) => string;
  private grams = new GramIndex();
  private tokens = new DigitTokens();
  private readonly prepared = new PreparedGrams();
  private columns = new Columns();
  private listings = new ListingStore();
  private ids: string[] = [];
  private haystacks: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private keys = new IdentifierKeys();
  private readonly idOf = (slot: number) => this.ids[slot] ?? '';
  /**
   * Each listing added took a larger id than the one before (bulk loads in id order): a slot order
   * is then an id order, which lets a relevance pass stop early among equal keys (`topByFloor`).
   */
  private idsAscend = true;
  /** the id of the listing given the highest slot */
  private lastId = '';

  private readonly minDeadSlotsToCompact: number;
  private readonly broadQueryMin: number;
  private readonly termOrderRent: number;
  private readonly rebuildAfterWrites: number | undefined;
  private readonly preparedGramMin: number;
  private readonly tokenPieceMax: number | undefined;
  /** the prepared grams' fill in progress (`prepareInBackground`) */
  private gramFill: Generator<void, void> | undefined;
  /**
   * The base: sort orders over the live slots when they were built; term entries belong to it.
   * Writes since go to `log` and are served from there until the log is long enough to drop it.
   */
  private sortOrders: SortOrders | undefined;
  private log = new WriteLog();
  /**
   * The next base being built off the request path (a phase per turn of the event loop) from
   * copies taken when the log was `from` writes long; the writes since are replayed onto it.
   */
  private nextBase: { steps: Generator<void, SortOrders>; from: number; generation: number } | undefined;
  private generation = 0;
  private readonly terms: TermCache;

  constructor(options: EmbeddedSearchIndexOptions) {
    this.hashIdentifier = options.hashIdentifier;
    this.minDeadSlotsToCompact = options.minDeadSlotsToCompact ?? 50_000;
    this.broadQueryMin = options.broadQueryMin ?? 2_000;
    this.termOrderRent = options.termOrderRent ?? 2;
    this.rebuildAfterWrites = options.rebuildAfterWrites;
    this.terms = new TermCache(options.termEntryOnSighting ?? 2, () => this.columns.length);
    this.preparedGramMin = options.preparedGramMin ?? 2_000;
    this.tokenPieceMax = options.tokenPieceMax;
  }

  /**
   * After a bulk load: trims the posting lists' growth room and builds the sort orders now rather
   * than on the first broad query.
   */
  prepare(): void {
    this.grams.trim();
    this.gramFill = undefined;
    const fill = this.startGramFill();
    for (let step = fill.next(); !step.done; step = fill.next());
    this.orders();
  }

  /** Chooses the frequent grams from the listings held now and returns the steps that fill their lists. */
  private startGramFill(): Generator<void, void> {
    this.prepared.choose(this.haystacks, this.columns.length, this.columns.alive, this.preparedGramMin);
    return this.prepared.fill(
      () => this.haystacks,
      () => this.columns.length,
    );
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of docs) checkSearchDocument(doc);
    for (const doc of docs) this.upsertOne(doc);
    this.dropBaseIfStale();
    this.compactIfSparse();
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.logWrite(slot);
      // its posting lists keep the dead slot (searches skip it) until compaction: no list rewrite
      this.keys.set(slot, undefined);
      this.columns.kill(slot);
      this.listings.delete(slot);
      this.ids[slot] = '';
      this.haystacks[slot] = '';
      this.slotOf.delete(id);
    }
    this.dropBaseIfStale();
    this.compactIfSparse();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const resolved = resolveQuery(query);
    const { page, pageSize } = resolved;
    let pass: PassResult;
    const identifier = parseFullIdentifier(resolved.q);
    if (identifier !== null) {
      const candidates = this.keys.slotsFor(this.hashIdentifier(identifier));
      pass = this.pass(candidates, '', resolved);
    } else {
      const text = normalizeForSearch(resolved.q);
      const planned = this.termOrCandidates(text);
      pass =
        'entry' in planned
          ? walkPage(
              {
                columns: this.columns,
                haystacks: this.haystacks,
                idOf: this.idOf,
                idsAscend: this.idsAscend,
                orders: this.orders(),
                log: this.log,
                termOrderRent: this.termOrderRent,
              },
              planned.entry,
              resolved,
            )
          : this.pass(planned.candidates, text, resolved, planned.tiers);
    }
    const hits = pass.slots.map((slot) => this.listings.get(slot));
    return { hits, total: pass.total, page, pageSize, facets: pass.facets };
  }

  private pass(
    candidates: Candidates,
    text: string,
    resolved: ReturnType<typeof resolveQuery>,
    tiers?: Uint8Array,
  ): PassResult {
    if (candidates !== 'all' && candidates.length === 0)
      return { total: 0, slots: [], facets: emptyFacets() };
    const store = {
      columns: this.columns,
      haystacks: this.haystacks,
      idOf: this.idOf,
      idsAscend: this.idsAscend,
    };
    // a text query's candidates come from the posting lists, dead slots left out; for one or two
    // code units they are the query's own list: every one matches (so do digit-token matches,
    // which come with their tiers, and so do a prepared gram's matches)
    const exact = tiers !== undefined || (candidates !== 'all' && text.length > 0 && text.length <= 2);
    return runSearchPass(store, candidates, text, resolved, exact, text !== '', tiers);
  }

  /**
   * The cached entry of a broad term (building it when it is at least `broadQueryMin` matches
   * wide), or the candidates for a narrow one, which a single pass serves best.
   */
  private termOrCandidates(
    text: string,
  ): { entry: TermEntry } | { candidates: Candidates; tiers?: Uint8Array } {
    const cached = this.terms.get(text);
    if (cached) {
      syncEntry(cached, this.columns, this.haystacks, this.log);
      return { entry: cached };
    }
    let base: Uint32Array | null;
    let tiers: Uint8Array | undefined;
    if (text === '') {
      if (this.slotOf.size < this.broadQueryMin || !this.terms.sighted(text)) return { candidates: 'all' };
      base = null;
    } else {
      // lists hold dead slots only after removals (until compaction): skip the check when there are none
      const alive = this.columns.length > this.slotOf.size ? this.columns.alive : undefined;
      // digit fragments around one CJK character (`(2025)琼9002`, `执35`): exact from their tokens
      // and frequent words of three or four characters: exact from their prepared lists
      const known =
        this.tokens.matches(text, this.haystacks, this.columns.nameLength, this.columns.length, alive) ??
        this.prepared.matches(text, this.haystacks, this.columns, alive);
      if (known !== null) {
        const n = known.slots.length;
        const veryBroad = n * 32 >= this.slotOf.size;
        if (n < this.broadQueryMin || (!veryBroad && !this.terms.sighted(text)))
          return { candidates: known.slots, tiers: known.tiers };
        return { entry: this.makeEntry(text, known.slots.slice(), known.tiers.slice()) };
      }
      const candidates =
        this.candidatesFromPieces(text, alive) ??
        this.grams.candidates(text, this.columns.length, alive) ??
        'all';
      const n = candidates === 'all' ? this.columns.length : candidates.length;
      // a first keystroke (one or two characters: its posting list is exact) matching 1/32 of
      // everything costs a pass about what its entry costs: no waiting for the second sighting
      const veryBroad = text.length <= 2 && n * 32 >= this.slotOf.size;
      if (n < this.broadQueryMin || n === 0 || (!veryBroad && !this.terms.sighted(text)))
        return { candidates };
      ({ base, tiers } = exactMatches(this.columns, this.haystacks, candidates, text));
    }
    return { entry: this.makeEntry(text, base, tiers) };
  }

  /**
   * Candidates for a case-number fragment of more than one CJK character (`琼0107执215号`,
   * `2025琼9006执162`): the exact matches of its smallest token piece (`执215`: a few thousand at
   * 3M listings), to be re-checked, instead of intersecting the long lists of its digit bigrams
   * (~10 ms at 3M for any such query, whatever its matches). Null when it has no piece.
   */
  private candidatesFromPieces(text: string, alive: Uint8Array | undefined): Uint32Array | null {
    let best: string | undefined;
    let bound = Number.POSITIVE_INFINITY;
    for (const piece of tokenPieces(text)) {
      const n = this.tokens.matchBound(piece);
      if (n !== null && n < bound) {
        best = piece;
        bound = n;
      }
    }
    const most = this.tokenPieceMax ?? Math.max(PIECE_FEW, this.columns.length / PIECE_SHARE);
    if (best === undefined || bound > most) return null;
    const found = this.tokens.matches(
      best,
      this.haystacks,
      this.columns.nameLength,
      this.columns.length,
      alive,
    );
    return found === null ? null : found.slots.slice();
  }

  /** A term's entry from its exact live matches (`null`: every slot), remembered for the next queries. */
  private makeEntry(text: string, base: Uint32Array | null, tiers: Uint8Array | undefined): TermEntry {
    this.orders(); // the entry belongs to the current base
    const entry = termEntry(text, this.columns, this.log, base, tiers);
    syncEntry(entry, this.columns, this.haystacks, this.log);
    this.terms.remember(text, entry);
    return entry;
  }

  private orders(): SortOrders {
    if (this.sortOrders === undefined) {
      const pending = this.nextBase;
      if (pending) {
        // asked for before the background build got there: finish it now
        let step = pending.steps.next();
        while (!step.done) step = pending.steps.next();
        this.adoptBase(step.value, pending.from);
      } else this.sortOrders = SortOrders.build(this.columns, this.ids);
    }
    return this.sortOrders!;
  }

  /**
   * Builds the sort orders off the request path (after a load from a snapshot or the database), so
   * the first broad query does not wait for them. Resolves once they are in use.
   */
  prepareInBackground(): Promise<void> {
    if (this.sortOrders === undefined && this.nextBase === undefined) this.startNextBase();
    if (this.gramFill === undefined) {
      const fill = this.startGramFill();
      this.gramFill = fill;
      const tick = () => {
        if (this.gramFill !== fill) return; // filled on demand (`prepare`), or chosen again
        if (fill.next().done) this.gramFill = undefined;
        else setImmediate(tick);
      };
      setImmediate(tick);
    }
    return new Promise((resolve) => {
      const check = () =>
        this.nextBase === undefined && this.gramFill === undefined ? resolve() : setImmediate(check);
      check();
    });
  }

  /** Notes a write to `slot` (before it happens) when there is a base, or one being built, to keep current. */
  private logWrite(slot: number): void {
    if (this.sortOrders === undefined && this.nextBase === undefined) return;
    this.log.record(slot, this.columns.alive[slot] === 1 ? this.columns.combo[slot]! : -1);
  }

  /**
   * A long write log makes every broad query merge many slots: a new base is built in the
   * background (from copies of the columns, a phase per turn of the event loop) while the current
   * one keeps serving, then takes over with the writes made meanwhile as its log.
   */
  private dropBaseIfStale(): void {
    const limit = this.rebuildAfterWrites ?? Math.max(4096, this.slotOf.size / 64);
    if (this.log.length > limit && this.nextBase === undefined) this.startNextBase();
  }

  private startNextBase(): void {
    const generation = ++this.generation;
    const from = this.log.length;
    const steps = SortOrders.steps(copyOrderColumns(this.columns), this.ids.slice(0, this.columns.length));
    this.nextBase = { steps, from, generation };
    const tick = () => {
      const pending = this.nextBase;
      if (pending?.generation !== generation) return; // finished on demand, or the index was reset
      const step = pending.steps.next();
      if (step.done) this.adoptBase(step.value, pending.from);
      else setImmediate(tick);
    };
    setImmediate(tick);
  }

  private adoptBase(orders: SortOrders, from: number): void {
    this.log = this.log.since(from);
    this.sortOrders = orders;
    this.nextBase = undefined;
    this.terms.clear();
  }

  private dropBase(): void {
    this.sortOrders = undefined;
    this.nextBase = undefined;
    this.generation++;
    this.log.clear();
    this.terms.clear();
  }

  /**
   * A consistent copy of the index for a snapshot file (see snapshot.ts), taken now: call between
   * writes; encoding the copy (`chunks()`) can then be spread over several turns of the event loop.
   */
  captureSnapshot(meta: SnapshotMeta): CapturedSnapshot {
    const parts: IndexParts = {
      grams: this.grams,
      columns: this.columns,
      listings: this.listings,
      ids: this.ids,
      haystacks: this.haystacks,
      keys: this.keys,
    };
    return captureSnapshot(parts, meta);
  }

  /**
   * Replaces the whole content with a snapshot file's (`size`: its length in bytes). Throws
   * `SnapshotError`, leaving the index as it was, when the file is not a usable snapshot.
   */
  loadSnapshot(path: string, size: number): SnapshotHeader {
    const { header, parts } = readSnapshot(path, size);
    this.reset();
    this.grams = parts.grams;
    this.columns = parts.columns;
    this.listings = parts.listings;
    this.ids = parts.ids;
    this.haystacks = parts.haystacks;
    this.keys = parts.keys;
    const { alive, nameLength } = this.columns;
    this.columns.nameFirst = new Uint16Array(this.columns.capacity);
    for (let slot = 0; slot < this.columns.length; slot++)
      if (alive[slot] === 1) {
        this.slotOf.set(this.ids[slot]!, slot);
        if (this.lastId !== '' && !(this.ids[slot]! > this.lastId)) this.idsAscend = false;
        this.lastId = this.ids[slot]!;
        // not in the snapshot format: rebuilt from the haystacks (a scan for digits, no strings kept)
        const haystack = this.haystacks[slot]!;
        this.tokens.add(slot, haystack, nameLength[slot]!);
        this.columns.nameFirst[slot] = nameFirstMark(haystack, nameLength[slot]!);
      }
    return header;
  }

  async get(id: string): Promise<PublicListing | null> {
    const slot = this.slotOf.get(id);
    return slot === undefined ? null : this.listings.get(slot);
  }

  async count(): Promise<number> {
    return this.slotOf.size;
  }

  async listVersions(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const [id, slot] of this.slotOf) out.set(id, this.columns.version[slot]!);
    return out;
  }

  async clear(): Promise<void> {
    this.reset();
  }

  /** `keepGrams`: the prepared grams stay chosen, their lists refilled by the re-inserts (compaction). */
  private reset(keepGrams = false): void {
    this.dropBase();
    this.gramFill = undefined;
    if (keepGrams) this.prepared.restart();
    else this.prepared.drop();
    this.grams = new GramIndex();
    this.tokens = new DigitTokens();
    this.columns = new Columns();
    this.listings = new ListingStore();
    this.ids = [];
    this.haystacks = [];
    this.idsAscend = true;
    this.lastId = '';
    this.slotOf.clear();
    this.keys.clear();
  }

  async close(): Promise<void> {
    this.reset();
  }

  /**
   * Sizes for diagnostics: live listings, slots handed out (live + removed), posting lists, writes
   * since the sort orders were built, whether newer ones are being built, and the prepared grams
   * chosen and whether their lists answer queries yet.
   */
  stats(): {
    live: number;
    slots: number;
    postingLists: number;
    writesSinceBase: number;
    rebuilding: boolean;
    preparedGrams: number;
    preparedReady: boolean;
  } {
    return {
      live: this.slotOf.size,
      slots: this.columns.length,
      postingLists: this.grams.size,
      writesSinceBase: this.log.length,
      rebuilding: this.nextBase !== undefined,
      preparedGrams: this.prepared.size,
      preparedReady: this.prepared.ready,
    };
  }

  /** Everything the index holds per live listing (tests check no clear ID number is stored). */
  storedEntries(): StoredEntry[] {
    return [...this.slotOf.values()].map((slot) => ({
      doc: this.listings.get(slot),
      version: this.columns.version[slot]!,
      identifierKey: this.keys.keyOf(slot),
      haystack: this.haystacks[slot]!,
    }));
  }

  private upsertOne(doc: SearchDocument): void {
    let slot = this.slotOf.get(doc.id);
    if (slot !== undefined && this.columns.version[slot]! > doc.version) return; // stale: keep the newer
    if (slot !== undefined) this.logWrite(slot);
    const stored = toStoredListing(doc);
    const { haystack, nameLength } = buildHaystack(stored);
    if (slot === undefined) {
      slot = this.columns.allocate();
      this.logWrite(slot);
      if (slot > 0 && !(stored.id > this.lastId)) this.idsAscend = false;
      this.lastId = stored.id;
      this.slotOf.set(doc.id, slot);
      this.ids[slot] = stored.id;
      this.grams.add(slot, haystack);
      this.tokens.add(slot, haystack, nameLength);
      this.prepared.add(slot, haystack);
    } else if (this.haystacks[slot] !== haystack) {
      this.grams.remove(slot, this.haystacks[slot]!);
      this.grams.add(slot, haystack);
      this.prepared.remove(slot, this.haystacks[slot]!);
      this.prepared.add(slot, haystack);
      this.tokens.remove(slot, this.haystacks[slot]!, this.columns.nameLength[slot]!);
      this.tokens.add(slot, haystack, nameLength);
    }
    this.listings.set(slot, stored);
    this.haystacks[slot] = haystack;
    this.columns.write(slot, stored, doc.version, nameLength, nameFirstMark(haystack, nameLength));
    this.keys.set(slot, doc.identifierKey);
  }

  /**
   * Slots are never reused (posting lists stay in append order), so after heavy churn the dead
   * slots are squeezed out by re-inserting the live listings: amortised, not per change.
   */
  private compactIfSparse(): void {
    const dead = this.columns.length - this.slotOf.size;
    if (dead < this.minDeadSlotsToCompact || dead < this.slotOf.size) return;
    const live = this.storedEntries();
    this.reset(true);
    for (const entry of live)
      this.upsertOne({
        ...entry.doc,
        version: entry.version,
        ...(entry.identifierKey ? { identifierKey: entry.identifierKey } : {}),
      });
  }
}
