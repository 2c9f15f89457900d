import type { PublicListing } from '@portal/domain';
import { checkSearchDocument } from '../document-checks.ts';
import { parseFullIdentifier } from '../identifier.ts';
import { normalizeForSearch } from '../normalize.ts';
import { StringInterner, toPublicCopy, toStoredListing } from '../public-listing.ts';
import { emptyFacets, resolveQuery } from '../query.ts';
import type {
  SearchDocument,
  SearchIndex,
  SearchIndexOptions,
  SearchQuery,
  SearchResult,
} from '../search-index.ts';
import { Columns } from './columns.ts';
import { GramIndex } from './gram-index.ts';
import { buildHaystack } from './haystack.ts';
import { IdentifierKeys } from './identifier-keys.ts';
import { walkPage } from './page-walk.ts';
import { type Candidates, type PassResult, runSearchPass } from './search-pass.ts';
import { SortOrders } from './sort-orders.ts';
import { entryBytes, type TermEntry, termEntry } from './term-entry.ts';

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
 */
export interface EmbeddedSearchIndexOptions extends SearchIndexOptions {
  /** compact once this many removed slots exist and they outnumber live ones (default 50,000) */
  minDeadSlotsToCompact?: number;
  /**
   * a query whose candidates number at least this many is served from a per-term entry and the
   * sort orders instead of a pass over every candidate (default 2,000; 0 = every text query)
   */
  broadQueryMin?: number;
}

/** Per-term entries kept per read-model version: at most this many, and this many bytes. */
const MAX_TERM_ENTRIES = 64;
const MAX_TERM_BYTES = 256 * 1024 * 1024;

export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const;
  private readonly hashIdentifier: (value: string) => string;
  private grams = new GramIndex();
  private columns = new Columns();
  private docs: (PublicListing | undefined)[] = [];
  private ids: string[] = [];
  private haystacks: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly keys = new IdentifierKeys();
  private readonly interner = new StringInterner();
  private readonly idOf = (slot: number) => this.ids[slot] ?? '';

  private readonly minDeadSlotsToCompact: number;
  private readonly broadQueryMin: number;
  /** read-model version: bumped by every write; term entries and sort orders belong to one */
  private generation = 0;
  private terms = new Map<string, TermEntry>();
  private termBytes = 0;
  private termsGeneration = -1;
  private sortOrders: SortOrders | undefined;
  private ordersGeneration = -1;

  constructor(options: EmbeddedSearchIndexOptions) {
    this.hashIdentifier = options.hashIdentifier;
    this.minDeadSlotsToCompact = options.minDeadSlotsToCompact ?? 50_000;
    this.broadQueryMin = options.broadQueryMin ?? 2_000;
  }

  /** Builds the sort orders now (after a bulk load) rather than on the first broad query. */
  prepare(): void {
    this.orders();
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of docs) checkSearchDocument(doc);
    this.generation++;
    for (const doc of docs) this.upsertOne(doc);
    this.compactIfSparse();
  }

  async remove(ids: string[]): Promise<void> {
    this.generation++;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.grams.remove(slot, this.haystacks[slot]!);
      this.keys.set(slot, undefined);
      this.columns.kill(slot);
      this.docs[slot] = undefined;
      this.ids[slot] = '';
      this.haystacks[slot] = '';
      this.slotOf.delete(id);
    }
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
              { columns: this.columns, haystacks: this.haystacks, idOf: this.idOf, orders: this.orders() },
              planned.entry,
              text,
              resolved,
            )
          : this.pass(planned.candidates, text, resolved);
    }
    const hits = pass.slots.map((slot) => toPublicCopy(this.docs[slot]!));
    return { hits, total: pass.total, page, pageSize, facets: pass.facets };
  }

  private pass(candidates: Candidates, text: string, resolved: ReturnType<typeof resolveQuery>): PassResult {
    if (candidates !== 'all' && candidates.length === 0)
      return { total: 0, slots: [], facets: emptyFacets() };
    const store = { columns: this.columns, haystacks: this.haystacks, idOf: this.idOf };
    return runSearchPass(store, candidates, text, resolved);
  }

  /**
   * The cached entry of a broad term (building it when it is at least `broadQueryMin` matches
   * wide), or the candidates for a narrow one, which a single pass serves best.
   */
  private termOrCandidates(text: string): { entry: TermEntry } | { candidates: Candidates } {
    if (this.termsGeneration !== this.generation) {
      this.terms.clear();
      this.termBytes = 0;
      this.termsGeneration = this.generation;
    }
    const cached = this.terms.get(text);
    if (cached) {
      this.terms.delete(text); // most recently used last
      this.terms.set(text, cached);
      return { entry: cached };
    }
    let entry: TermEntry;
    if (text === '') {
      if (this.slotOf.size < this.broadQueryMin) return { candidates: 'all' };
      entry = termEntry(this.columns, null);
    } else {
      const candidates = this.grams.candidates(text, this.columns.length) ?? 'all';
      const n = candidates === 'all' ? this.columns.length : candidates.length;
      if (n < this.broadQueryMin || n === 0) return { candidates };
      entry = termEntry(this.columns, this.exactMatches(candidates, text));
    }
    this.remember(text, entry);
    return { entry };
  }

  /**
   * Live slots whose haystack contains `text`. A posting list of one or two code units is already
   * exact (lists hold live slots only); longer queries are re-checked.
   */
  private exactMatches(candidates: Candidates, text: string): Uint32Array {
    if (candidates !== 'all' && text.length <= 2) return candidates.slice();
    const out: number[] = [];
    const n = candidates === 'all' ? this.columns.length : candidates.length;
    for (let i = 0; i < n; i++) {
      const slot = candidates === 'all' ? i : candidates[i]!;
      if (this.columns.alive[slot] === 1 && this.haystacks[slot]!.includes(text)) out.push(slot);
    }
    return Uint32Array.from(out);
  }

  private remember(text: string, entry: TermEntry): void {
    this.terms.set(text, entry);
    this.termBytes += entryBytes(entry);
    for (const [oldest, old] of this.terms) {
      if (this.terms.size <= MAX_TERM_ENTRIES && this.termBytes <= MAX_TERM_BYTES) break;
      if (old === entry) break;
      this.terms.delete(oldest);
      this.termBytes -= entryBytes(old);
    }
  }

  private orders(): SortOrders {
    if (this.sortOrders === undefined || this.ordersGeneration !== this.generation) {
      this.sortOrders = undefined; // let the old orders go before the new ones are built
      this.sortOrders = new SortOrders(this.columns, this.ids);
      this.ordersGeneration = this.generation;
    }
    return this.sortOrders;
  }

  async get(id: string): Promise<PublicListing | null> {
    const slot = this.slotOf.get(id);
    return slot === undefined ? null : toPublicCopy(this.docs[slot]!);
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

  private reset(): void {
    this.generation++;
    this.terms.clear();
    this.termBytes = 0;
    this.sortOrders = undefined;
    this.grams = new GramIndex();
    this.columns = new Columns();
    this.docs = [];
    this.ids = [];
    this.haystacks = [];
    this.slotOf.clear();
    this.keys.clear();
    this.interner.clear();
  }

  async close(): Promise<void> {
    this.reset();
  }

  /** Sizes for diagnostics: live listings, slots handed out (live + removed), posting lists. */
  stats(): { live: number; slots: number; postingLists: number } {
    return { live: this.slotOf.size, slots: this.columns.length, postingLists: this.grams.size };
  }

  /** Everything the index holds per live listing (tests check no clear ID number is stored). */
  storedEntries(): StoredEntry[] {
    return [...this.slotOf.values()].map((slot) => ({
      doc: this.docs[slot]!,
      version: this.columns.version[slot]!,
      identifierKey: this.keys.keyOf(slot),
      haystack: this.haystacks[slot]!,
    }));
  }

  private upsertOne(doc: SearchDocument): void {
    let slot = this.slotOf.get(doc.id);
    if (slot !== undefined && this.columns.version[slot]! > doc.version) return; // stale: keep the newer
    const stored = toStoredListing(doc, this.interner);
    const { haystack, nameLength } = buildHaystack(stored);
    if (slot === undefined) {
      slot = this.columns.allocate();
      this.slotOf.set(doc.id, slot);
      this.ids[slot] = stored.id;
      this.grams.add(slot, haystack);
    } else if (this.haystacks[slot] !== haystack) {
      this.grams.remove(slot, this.haystacks[slot]!);
      this.grams.add(slot, haystack);
    }
    this.docs[slot] = stored;
    this.haystacks[slot] = haystack;
    this.columns.write(slot, stored, doc.version, nameLength);
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
    this.reset();
    for (const entry of live)
      this.upsertOne({
        ...entry.doc,
        version: entry.version,
        ...(entry.identifierKey ? { identifierKey: entry.identifierKey } : {}),
      });
  }
}
