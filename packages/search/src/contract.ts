import { beforeEach, describe, expect, it } from 'vitest';
import { CONTRACT_SECRET, contractListings, WANG_WEI_ID } from './contract-fixtures.ts';
import { runWriteContract } from './contract-writes.ts';
import { createIdentifierHasher } from './identifier.ts';
import type { SearchIndex, SearchIndexOptions, SearchQuery } from './search-index.ts';

/** An adapter under test plus a way to read back exactly what it stored. */
export interface ContractSubject {
  index: SearchIndex;
  /** every stored record as the engine holds it (documents, haystacks, keys…) */
  storedDocuments(): Promise<unknown[]>;
}

export type ContractFactory = (options: SearchIndexOptions) => Promise<ContractSubject>;

export interface ContractContext {
  subject: () => ContractSubject;
  hash: (value: string) => string;
  fixtures: ReturnType<typeof contractListings>;
}

/**
 * The behaviour every `SearchIndex` adapter must show. Call it from a test file:
 * @example
 * runSearchIndexContract('embedded', async (opts) => {
 *   const index = new EmbeddedSearchIndex(opts);
 *   return { index, storedDocuments: async () => index.storedEntries() };
 * });
 */
export function runSearchIndexContract(name: string, factory: ContractFactory): void {
  const hash = createIdentifierHasher(CONTRACT_SECRET);
  const fixtures = contractListings(hash);
  let current: ContractSubject | undefined;
  const ctx: ContractContext = { subject: () => current!, hash, fixtures };
  const ids = async (query: SearchQuery) => (await current!.index.search(query)).hits.map((h) => h.name);

  describe(`SearchIndex contract: ${name}`, () => {
    beforeEach(async () => {
      current ??= await factory({ hashIdentifier: hash });
      await current.index.clear();
      await current.index.upsert(Object.values(fixtures));
    });

    describe('matching Chinese text', () => {
      it('finds a 3-character name by a 2-character fragment', async () => {
        expect(await ids({ q: '伟明' })).toEqual(['王伟明']);
      });

      it('finds names by a bare surname, those starting with it first', async () => {
        const names = await ids({ q: '王' });
        expect(names.slice(0, 3).sort()).toEqual(['王伟', '王伟明', '王芳'].sort());
        expect(names).toContain('李王伟');
      });

      it('finds a fragment inside company names', async () => {
        expect((await ids({ q: '建筑' })).sort()).toEqual(
          ['三亚建筑装饰有限公司', '海南金海建筑工程有限公司'].sort(),
        );
        expect(await ids({ q: '金海' })).toEqual(['海南金海建筑工程有限公司']);
      });

      it('finds case numbers by fragments in either bracket width', async () => {
        expect((await ids({ q: '执1234' })).sort()).toEqual(['李王伟', '王伟'].sort());
        expect(await ids({ q: '(2017)琼9003' })).toHaveLength(4);
        expect((await ids({ q: '（2017）琼9003执12' })).sort()).toEqual(['李王伟', '王伟'].sort());
      });

      it('returns no false positives from shared bigrams', async () => {
        expect(await ids({ q: '执357' })).toEqual(['王芳']);
        expect(await ids({ q: '伟王' })).toEqual([]);
      });

      it('finds simplified names from traditional characters', async () => {
        expect(await ids({ q: '王偉明' })).toEqual(['王伟明']);
        expect(await ids({ q: '金海建築' })).toEqual(['海南金海建筑工程有限公司']);
      });

      it('ranks the exact name first, then prefixes, then names containing it', async () => {
        const names = await ids({ q: '王伟' });
        expect(names.slice(0, 3)).toEqual(['王伟', '王伟明', '李王伟']);
        expect(names).toContain('三亚建筑装饰有限公司'); // its legal representative is 王伟
      });
    });

    describe('exact identifiers', () => {
      it('matches a full ID number through its keyed hash only', async () => {
        expect(await ids({ q: WANG_WEI_ID })).toEqual(['王伟']);
        expect(await ids({ q: WANG_WEI_ID.toLowerCase() })).toEqual(['王伟']);
        expect(await ids({ q: '460103198001011235' })).toEqual([]);
      });

      it('matches a full credit code through its keyed hash', async () => {
        expect(await ids({ q: fixtures.jinhai.uscc! })).toEqual(['海南金海建筑工程有限公司']);
      });

      it('stores the hash and never the ID number', async () => {
        const stored = JSON.stringify(await current!.storedDocuments());
        expect(stored).toContain(hash(WANG_WEI_ID));
        expect(stored).not.toContain(WANG_WEI_ID);
      });
    });

    describe('filters, facets, sorting and paging', () => {
      it('filters and counts facets over the whole match set', async () => {
        const res = await current!.index.search({ q: '王', filters: { region: '儋州市' } });
        expect(res.hits.map((h) => h.name).sort()).toEqual(['李王伟', '王伟'].sort());
        expect(res.total).toBe(2);
        expect(res.facets.kind).toEqual({ person: 2 });
        expect(res.facets.category).toEqual({ '1': 2 });
        expect(res.facets.court).toEqual({ 儋州市人民法院: 2 });
      });

      it('counts the region facet without its own filter (disjunctive)', async () => {
        const res = await current!.index.search({ q: '王', filters: { region: '儋州市' } });
        expect(res.facets.region).toEqual({ 儋州市: 2, 海口市: 1, 三亚市: 2 });
      });

      it('combines filters and browses everything when q is empty', async () => {
        const orgs = await current!.index.search({ filters: { kind: 'org' } });
        expect(orgs.total).toBe(2);
        const mix = await current!.index.search({
          filters: { kind: 'person', livelihood: true, category: 2 },
        });
        expect(mix.hits.map((h) => h.name)).toEqual(['王伟明']);
        const all = await current!.index.search({});
        expect(all.total).toBe(Object.keys(fixtures).length);
      });

      it('sorts by amount and by listing date', async () => {
        const byAmount = await current!.index.search({ sort: 'amount:desc', pageSize: 3 });
        expect(byAmount.hits.map((h) => h.amountOwedFen)).toEqual([999_999_900, 3_000_000, 500_000]);
        const cheapest = await current!.index.search({ q: '王', sort: 'amount:asc', pageSize: 1 });
        expect(cheapest.hits[0]?.name).toBe('李王伟');
        const oldest = await current!.index.search({ sort: 'listedAt:asc', pageSize: 1 });
        expect(oldest.hits[0]?.listedAt).toBe('2022-07-01');
        const newest = await current!.index.search({ sort: 'listedAt:desc', pageSize: 1 });
        expect(newest.hits[0]?.listedAt).toBe('2024-05-10');
      });

      it('pages through the results with a stable total', async () => {
        const seen: string[] = [];
        for (let page = 1; page <= 3; page++) {
          const res = await current!.index.search({ sort: 'amount:desc', page, pageSize: 3 });
          expect(res).toMatchObject({ total: 8, page, pageSize: 3 });
          seen.push(...res.hits.map((h) => h.id));
        }
        expect(new Set(seen).size).toBe(8);
        const beyond = await current!.index.search({ page: 4, pageSize: 3 });
        expect(beyond.hits).toEqual([]);
        expect(beyond.total).toBe(8);
      });

      it('returns public listings only, without version or identifier key', async () => {
        const [hit] = (await current!.index.search({ q: WANG_WEI_ID })).hits;
        expect(hit).toBeDefined();
        expect(Object.keys(hit!)).not.toContain('version');
        expect(Object.keys(hit!)).not.toContain('identifierKey');
        const { version: _v, identifierKey: _k, ...expected } = fixtures.wangWei;
        expect(hit).toEqual(expected);
      });
    });

    runWriteContract(ctx);
  });
}
