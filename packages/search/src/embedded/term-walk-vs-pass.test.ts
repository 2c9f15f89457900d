import { describe, expect, it } from 'vitest';
import { contractListings } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import type { SearchDocument, SearchQuery, SearchSort } from '../search-index.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';
import type { TermCache } from './term-cache.ts';

const hash = createIdentifierHasher('walk-test-secret-0123456789');
const template = contractListings(hash).wangWei;
const CHARS = '王李陈伟明建筑公司执琼91';
const REGIONS = ['海口市', '三亚市', '儋州市'];
const COURTS = ['海口市中级人民法院', '三亚市城郊人民法院', '儋州市人民法院'];
const SORTS: SearchSort[] = ['relevance', 'amount:desc', 'amount:asc', 'listedAt:desc', 'listedAt:asc'];

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

function randomDoc(rand: () => number, id: string, version: number): SearchDocument {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const text = (min: number, max: number) => {
    let out = '';
    const n = min + Math.floor(rand() * (max - min + 1));
    for (let i = 0; i < n; i++) out += pick([...CHARS]);
    return out;
  };
  return {
    ...template,
    id,
    version,
    kind: rand() < 0.7 ? 'person' : 'org',
    name: text(1, 5),
    caseNo: text(3, 8),
    category: (1 + Math.floor(rand() * 6)) as SearchDocument['category'],
    livelihood: rand() < 0.3,
    region: pick(REGIONS),
    court: pick(COURTS),
    amountOwedFen: 100 * Math.floor(rand() * 20), // many ties: the id must break them
    listedAt: `2024-0${1 + Math.floor(rand() * 3)}-1${Math.floor(rand() * 3)}`,
  };
}

function randomQuery(rand: () => number): SearchQuery {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const filters: SearchQuery['filters'] = {};
  if (rand() < 0.3) filters.region = pick([...REGIONS, '文昌市']);
  if (rand() < 0.2) filters.court = pick(COURTS);
  if (rand() < 0.2) filters.kind = pick(['person', 'org'] as const);
  if (rand() < 0.2) filters.category = pick([1, 2, 3] as const);
  if (rand() < 0.2) filters.livelihood = rand() < 0.5;
  const length = Math.floor(rand() * 4); // '' browses
  let q = '';
  for (let i = 0; i < length; i++) q += pick([...CHARS]);
  return { q, filters, sort: pick(SORTS), page: 1 + Math.floor(rand() * 4), pageSize: pick([1, 5, 20]) };
}

describe.each([
  // term orders cut for the first page that can use one
  { rebuildAfterWrites: undefined, termOrderRent: 0, seed: 7 },
  { rebuildAfterWrites: 25, termOrderRent: 0, seed: 8 },
  // cut once their pages paid for it: served without, then with, in the same run
  { rebuildAfterWrites: undefined, termOrderRent: 0.5, seed: 9 },
])(
  'broad queries served from term entries and sort orders (rebuild after $rebuildAfterWrites writes, term order rent $termOrderRent)',
  ({ rebuildAfterWrites, termOrderRent, seed }) => {
    it('answer exactly as a pass over every candidate does, across writes, filters, sorts and pages', async () => {
      const rand = rng(seed);
      const walked = new EmbeddedSearchIndex({
        hashIdentifier: hash,
        broadQueryMin: 0,
        termEntryOnSighting: 1,
        termOrderRent,
        ...(rebuildAfterWrites ? { rebuildAfterWrites } : {}),
      });
      const passed = new EmbeddedSearchIndex({
        hashIdentifier: hash,
        broadQueryMin: Number.MAX_SAFE_INTEGER,
      });
      const versions = new Map<string, number>();
      let walkedQueries = 0;
      for (let round = 0; round < 12; round++) {
        const batch: SearchDocument[] = [];
        for (let i = 0; i < 60; i++) {
          // ids in no particular order relative to slots, so the id tie-break is really exercised
          const id = `R${(Math.floor(rand() * 400) * 7919) % 1000}`;
          const version = (versions.get(id) ?? 0) + 1;
          versions.set(id, version);
          batch.push(randomDoc(rand, id, version));
        }
        await walked.upsert(batch);
        await passed.upsert(batch);
        const gone = [...versions.keys()].filter(() => rand() < 0.05);
        await walked.remove(gone);
        await passed.remove(gone);
        for (const id of gone) versions.delete(id);
        for (let k = 0; k < 40; k++) {
          const query = randomQuery(rand);
          const expected = await passed.search(query);
          if (expected.total > 0) walkedQueries++;
          expect(await walked.search(query), JSON.stringify(query)).toEqual(expected);
        }
      }
      expect(walkedQueries).toBeGreaterThan(200);
    });
  },
);

describe('a walk along a sort order whose matches gather at its far end', () => {
  const query = (sort: SearchSort, page: number, pageSize: number, livelihood: boolean): SearchQuery => ({
    q: '王',
    filters: livelihood ? { livelihood: true } : {},
    sort,
    page,
    pageSize,
  });
  /** `count` listings, 王 where `isWang`, the others 李; those that `owesLittle` owe 100 + i fen */
  const listings = (
    count: number,
    isWang: (i: number) => boolean,
    owesLittle: (i: number) => boolean,
    livelihood: (i: number) => boolean = () => false,
  ): SearchDocument[] =>
    Array.from({ length: count }, (_, i) => ({
      ...template,
      id: `F${String(i).padStart(5, '0')}`,
      version: 1,
      name: isWang(i) ? `王${i}` : `李${i}`,
      livelihood: livelihood(i),
      amountOwedFen: owesLittle(i) ? 100 + i : 1_000_000 + i,
    }));
  /** `walked` serves broad terms from entries (term orders cut at once unless `termOrderRent`); `passed` never */
  async function indexes(docs: SearchDocument[], termOrderRent = 0) {
    const walked = new EmbeddedSearchIndex({
      hashIdentifier: hash,
      broadQueryMin: 0,
      termEntryOnSighting: 1,
      termOrderRent,
    });
    const passed = new EmbeddedSearchIndex({ hashIdentifier: hash, broadQueryMin: Number.MAX_SAFE_INTEGER });
    await walked.upsert(docs);
    await passed.upsert(docs);
    return { walked, passed };
  }

  it('a broad term (1 in 8 listings) walks its own orders: the same pages as a pass over every candidate', async () => {
    // 涉民生 cases owe the least here, so 王 + livelihood by amount descending finds its matches
    // only after reading nearly the whole amount order
    const docs = listings(
      1000,
      (i) => i % 8 === 0,
      (i) => i >= 880,
      (i) => i >= 880,
    );
    const { walked, passed } = await indexes(docs);
    for (const sort of ['amount:desc', 'amount:asc', 'listedAt:desc'] as const)
      for (const [page, pageSize] of [
        [1, 5],
        [2, 5],
        [5, 20],
      ] as const) {
        const q = query(sort, page, pageSize, true);
        const expected = await passed.search(q);
        expect(expected.total).toBe(15);
        expect(await walked.search(q), JSON.stringify(q)).toEqual(expected);
      }
  });

  it('cuts a broad term’s order only once the pages served without it cost what cutting it costs', async () => {
    const docs = listings(
      1000,
      (i) => i % 8 === 0,
      () => false,
      (i) => i >= 880,
    );
    // rent: one order length (1,000 reads); each page here costs a read of the term's 125 matches
    const { walked, passed } = await indexes(docs, 1);
    const cut = () =>
      (walked as unknown as { terms: TermCache }).terms.get('王')?.orders?.byAmount !== undefined;
    const seen: boolean[] = [];
    for (let k = 0; k < 10; k++) {
      const q = query('amount:desc', 1 + (k % 3), 5, true);
      expect(await walked.search(q), JSON.stringify(q)).toEqual(await passed.search(q));
      seen.push(cut());
    }
    expect(seen).toEqual([false, false, false, false, false, false, false, true, true, true]);
  });

  it('a narrower term (1 in 70, under 1/64) stops its walk along the index order once it cost a pass over its matches', async () => {
    // 王 owes the least of all: by amount descending, the walk along the index's order meets its
    // first match after every other listing; the even-spread estimate (few slots per page) is wrong
    const docs = listings(
      40_000,
      (i) => i % 70 === 0,
      (i) => i % 70 === 0,
    );
    const { walked, passed } = await indexes(docs);
    for (const [page, pageSize] of [
      [1, 1],
      [2, 1],
      [1, 2],
    ] as const) {
      const q = query('amount:desc', page, pageSize, false);
      const expected = await passed.search(q);
      expect(expected.total).toBe(572);
      expect(await walked.search(q), JSON.stringify(q)).toEqual(expected);
    }
  });
});
