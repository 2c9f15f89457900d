import { describe, expect, it } from 'vitest';
import { contractListings } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import type { SearchDocument, SearchQuery } from '../search-index.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';

const hash = createIdentifierHasher('rebuild-test-secret-0123456789');
const template = contractListings(hash).wangWei;
const options = { hashIdentifier: hash, broadQueryMin: 5, termEntryOnSighting: 1 };

const docs: SearchDocument[] = Array.from({ length: 300 }, (_, i) => ({
  ...template,
  id: `B${String(i).padStart(4, '0')}`,
  version: 1,
  name: i % 3 === 0 ? `王${i}` : `李${i}`,
  amountOwedFen: (i * 7919) % 100_000,
  listedAt: `2024-0${1 + (i % 9)}-1${i % 10}`,
  region: i % 2 === 0 ? '海口市' : '三亚市',
}));

const QUERIES: SearchQuery[] = [
  { q: '王', sort: 'amount:desc', pageSize: 50 },
  { q: '王', sort: 'listedAt:asc', filters: { region: '三亚市' } },
  { q: '李', pageSize: 20, page: 3 },
  { q: '', sort: 'amount:asc' },
];

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('sort orders rebuilt off the request path', () => {
  it('keep serving from the current base while the next is built, then take over with the writes made meanwhile', async () => {
    const live = new Map(docs.map((d) => [d.id, d]));
    const index = new EmbeddedSearchIndex({ ...options, rebuildAfterWrites: 20 });
    await index.upsert(docs);
    index.prepare();
    for (const q of QUERIES) await index.search(q); // term entries on the current base
    const answersNow = async () => {
      const fresh = new EmbeddedSearchIndex(options);
      await fresh.upsert([...live.values()]);
      return Promise.all(QUERIES.map((q) => fresh.search(q)));
    };

    const write = async (changed: SearchDocument[], removed: string[] = []) => {
      await index.upsert(changed);
      await index.remove(removed);
      for (const d of changed) live.set(d.id, d);
      for (const id of removed) live.delete(id);
    };
    // 25 writes: past the limit, so the next base starts building in the background
    await write(
      docs.slice(0, 25).map((d) => ({ ...d, version: 2, amountOwedFen: d.amountOwedFen + 500_000 })),
    );
    expect(index.stats()).toMatchObject({ rebuilding: true, writesSinceBase: 25 });
    // writes while it is being built, answered from the current base plus its log
    await write(
      [
        { ...docs[40]!, version: 2, name: '王新名', amountOwedFen: 1 },
        { ...docs[0]!, id: 'B9999' },
      ],
      ['B0003', 'B0006'],
    );
    expect(await Promise.all(QUERIES.map((q) => index.search(q)))).toEqual(await answersNow());
    expect(index.stats().rebuilding).toBe(true);

    await ticks(20);
    // the new base took over; its log holds exactly the four writes made after the build began
    expect(index.stats()).toMatchObject({ rebuilding: false, writesSinceBase: 4 });
    expect(await Promise.all(QUERIES.map((q) => index.search(q)))).toEqual(await answersNow());
    await write([{ ...docs[9]!, version: 3, amountOwedFen: 999_999 }], ['B0012']);
    expect(await Promise.all(QUERIES.map((q) => index.search(q)))).toEqual(await answersNow());
  });

  it('builds the first sort orders in the background after a load, or at once when a query needs them first', async () => {
    const index = new EmbeddedSearchIndex(options);
    await index.upsert(docs);
    const ready = index.prepareInBackground();
    expect(index.stats().rebuilding).toBe(true);
    await index.upsert([{ ...docs[1]!, version: 2, name: '王后来', amountOwedFen: 9_999_999 }]); // logged for the build
    const answer = await index.search(QUERIES[0]!); // needs the orders now: finishes the build
    expect(index.stats()).toMatchObject({ rebuilding: false, writesSinceBase: 1 });
    expect(answer.hits.some((h) => h.name === '王后来')).toBe(true);
    await ready;
    const later = new EmbeddedSearchIndex(options);
    await later.upsert(docs);
    await later.prepareInBackground();
    expect(later.stats()).toMatchObject({ rebuilding: false, writesSinceBase: 0 });
  });
});
