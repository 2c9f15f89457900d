import type { PublicListing } from '@portal/domain';
import { type Index, Meilisearch, type Task } from 'meilisearch';
import { checkSearchDocument } from '../document-checks.ts';
import { SearchError } from '../errors.ts';
import { parseFullIdentifier } from '../identifier.ts';
import { toPublicCopy } from '../public-listing.ts';
import { emptyFacets, resolveQuery } from '../query.ts';
import type {
  SearchDocument,
  SearchIndex,
  SearchIndexOptions,
  SearchQuery,
  SearchResult,
} from '../search-index.ts';
import { MEILI_SETTINGS, type MeiliDocument, toMeiliDocument } from './meili-document.ts';
import { mapped } from './meili-errors.ts';
import { buildQueries, FACETS } from './meili-query.ts';
import { newerOnly, readVersions } from './meili-versions.ts';

export interface MeilisearchIndexOptions extends SearchIndexOptions {
  url: string;
  apiKey?: string;
  /** default `listings` */
  indexUid?: string;
  /** how long to wait for an indexing task, ms (default 30 s) */
  taskTimeoutMs?: number;
}

/**
 * Read model on Meilisearch (official client). Open it with `MeilisearchSearchIndex.open()`, which
 * creates the index and applies `MEILI_SETTINGS`. Writes wait for their task, so a resolved
 * `upsert`/`remove` is visible to the next search.
 *
 * Version ordering: `upsert` reads the stored versions of the batch first and sends only newer
 * documents. Two writers racing on one id between that read and the write end last-write-wins;
 * the publisher is the single writer and its reconcile pass (`listVersions`) repairs any drift.
 * Totals are exact up to `MAX_COUNTED_HITS` (Meilisearch's `maxTotalHits`).
 */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly index: Index<MeiliDocument>;
  private readonly indexUid: string;
  private readonly hashIdentifier: (value: string) => string;
  private readonly wait: { timeout: number };

  private constructor(options: MeilisearchIndexOptions) {
    this.client = new Meilisearch({
      host: options.url,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    });
    this.indexUid = options.indexUid ?? 'listings';
    this.index = this.client.index<MeiliDocument>(this.indexUid);
    this.hashIdentifier = options.hashIdentifier;
    this.wait = { timeout: options.taskTimeoutMs ?? 30_000 };
  }

  /** Connects, creates the index when missing and applies the settings. */
  static async open(options: MeilisearchIndexOptions): Promise<MeilisearchSearchIndex> {
    const adapter = new MeilisearchSearchIndex(options);
    await mapped('open', async () => {
      const created = await adapter.client
        .createIndex(adapter.indexUid, { primaryKey: 'id' })
        .waitTask(adapter.wait);
      if (created.status === 'failed' && created.error?.code !== 'index_already_exists')
        adapter.check(created);
      adapter.check(await adapter.index.updateSettings(MEILI_SETTINGS).waitTask(adapter.wait));
    });
    return adapter;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of docs) checkSearchDocument(doc);
    if (docs.length === 0) return;
    await mapped('upsert', async () => {
      const current = await readVersions(
        this.index,
        docs.map((d) => d.id),
      );
      const fresh = newerOnly(docs, current).map(toMeiliDocument);
      if (fresh.length === 0) return;
      this.check(await this.index.addDocuments(fresh, { primaryKey: 'id' }).waitTask(this.wait));
    });
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await mapped('remove', async () => this.check(await this.index.deleteDocuments(ids).waitTask(this.wait)));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const resolved = resolveQuery(query);
    const identifier = parseFullIdentifier(resolved.q);
    const key = identifier === null ? null : this.hashIdentifier(identifier);
    const text = identifier === null ? resolved.q : '';
    const { queries, own } = buildQueries(this.indexUid, resolved, text, key);
    const { results } = await mapped('search', () => this.client.multiSearch({ queries }));
    const [main, ...perFacet] = results;
    const facets = emptyFacets();
    for (const facet of FACETS) facets[facet] = main?.facetDistribution?.[facet] ?? {};
    own.forEach((facet, i) => {
      facets[facet] = perFacet[i]?.facetDistribution?.[facet] ?? {};
    });
    const hits = (main?.hits ?? []).map((hit) => toPublicCopy(hit as unknown as PublicListing));
    return { hits, total: main?.totalHits ?? 0, page: resolved.page, pageSize: resolved.pageSize, facets };
  }

  async get(id: string): Promise<PublicListing | null> {
    const found = await mapped('get', () => this.index.getDocuments({ ids: [id], limit: 1 }));
    const doc = found.results[0];
    return doc ? toPublicCopy(doc as unknown as PublicListing) : null;
  }

  async count(): Promise<number> {
    return (await mapped('count', () => this.index.getStats())).numberOfDocuments;
  }

  async listVersions(): Promise<Map<string, number>> {
    return mapped('listVersions', () => readVersions(this.index));
  }

  async clear(): Promise<void> {
    await mapped('clear', async () => this.check(await this.index.deleteAllDocuments().waitTask(this.wait)));
  }

  async close(): Promise<void> {
    // fetch-based client: no connection to release
  }

  /** Every stored document as Meilisearch holds it (tests check no clear ID number is stored). */
  async storedDocuments(): Promise<MeiliDocument[]> {
    const out: MeiliDocument[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await mapped('dump', () => this.index.getDocuments({ limit: 1000, offset }));
      out.push(...page.results);
      if (page.results.length < 1000) return out;
    }
  }

  private check(task: Task): void {
    if (task.status !== 'succeeded') {
      throw new SearchError(`meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`);
    }
  }
}
