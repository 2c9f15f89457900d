// Frozen copy of packages/search/src/embedded as it was before issue 13 (commit 358fb27), kept as
// the benchmark's baseline engine: search.bench.ts runs it side by side with today's engine.
import type { PublicListing } from '@portal/domain';
import { checkSearchDocument } from '../../../packages/search/src/document-checks.ts';
import { parseFullIdentifier } from '../../../packages/search/src/identifier.ts';
import { normalizeForSearch } from '../../../packages/search/src/normalize.ts';
import {
  StringInterner,
  toPublicCopy,
  toStoredListing,
} from '../../../packages/search/src/public-listing.ts';
import { emptyFacets, resolveQuery } from '../../../packages/search/src/query.ts';
import type {
  SearchDocument,
  SearchIndex,
  SearchIndexOptions,
  SearchQuery,
  SearchResult,
} from '../../../packages/search/src/search-index.ts';
import { Columns } from './columns.ts';
import { GramIndex } from './gram-index.ts';
import { buildHaystack } from './haystack.ts';
import { IdentifierKeys } from './identifier-keys.ts';
import { type Candidates, runSearchPass } from './search-pass.ts';

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
}

export class BaselineEmbeddedSearchIndex implements SearchIndex {
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

  constructor(options: EmbeddedSearchIndexOptions) {
    this.hashIdentifier = options.hashIdentifier;
    this.minDeadSlotsToCompact = options.minDeadSlotsToCompact ?? 50_000;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of docs) checkSearchDocument(doc);
    for (const doc of docs) this.upsertOne(doc);
    this.compactIfSparse();
  }

  async remove(ids: string[]): Promise<void> {
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
    let candidates: Candidates;
    let text = '';
    const identifier = parseFullIdentifier(resolved.q);
    if (identifier !== null) {
      candidates = this.keys.slotsFor(this.hashIdentifier(identifier));
    } else {
      text = normalizeForSearch(resolved.q);
      candidates = text === '' ? 'all' : (this.grams.candidates(text, this.columns.length) ?? 'all');
    }
    if (candidates !== 'all' && candidates.length === 0)
      return { hits: [], total: 0, page, pageSize, facets: emptyFacets() };
    const store = { columns: this.columns, haystacks: this.haystacks, idOf: this.idOf };
    const pass = runSearchPass(store, candidates, text, resolved);
    const hits = pass.slots.map((slot) => toPublicCopy(this.docs[slot]!));
    return { hits, total: pass.total, page, pageSize, facets: pass.facets };
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
