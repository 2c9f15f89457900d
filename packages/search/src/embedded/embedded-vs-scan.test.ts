import type { PublicListing } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { contractListings } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import { normalizeForSearch } from '../normalize.ts';
import type { SearchDocument } from '../search-index.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';
import { rankedByScan } from './scan-ranking.ts';

const hash = createIdentifierHasher('scan-test-secret-0123456789');
const template = contractListings(hash).wangWei;
const CHARS = '王李伟明建筑海南金执琼1234567890';

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

function randomText(rand: () => number, min: number, max: number): string {
  let out = '';
  const n = min + Math.floor(rand() * (max - min + 1));
  for (let i = 0; i < n; i++) out += CHARS[Math.floor(rand() * CHARS.length)];
  return out;
}

function matchesByScan(doc: PublicListing, q: string): boolean {
  const fields = [doc.name, doc.caseNo, doc.legalRepresentative, doc.uscc, doc.idNumberMasked];
  return fields.some((f) => f !== undefined && normalizeForSearch(f).includes(normalizeForSearch(q)));
}

describe('embedded index after random upserts, updates and removals', () => {
  it('matches exactly what a full substring scan matches', async () => {
    const rand = rng(42);
    const index = new EmbeddedSearchIndex({ hashIdentifier: hash });
    const live = new Map<string, SearchDocument>();
    for (let round = 0; round < 30; round++) {
      const batch: SearchDocument[] = [];
      for (let i = 0; i < 40; i++) {
        const id = `R${Math.floor(rand() * 300)}`;
        const version = (live.get(id)?.version ?? 0) + 1;
        batch.push({
          ...template,
          id,
          version,
          name: randomText(rand, 2, 5),
          caseNo: randomText(rand, 4, 9),
        });
      }
      await index.upsert(batch);
      for (const doc of batch) live.set(doc.id, doc);
      const gone = [...live.keys()].filter(() => rand() < 0.1);
      await index.remove(gone);
      for (const id of gone) live.delete(id);

      for (let k = 0; k < 10; k++) {
        const q = randomText(rand, 1, 3);
        const expected = [...live.values()].filter((d) => matchesByScan(d, q)).map((d) => d.id);
        const res = await index.search({ q, pageSize: 50, page: 1 });
        expect(res.total, `q=${q}`).toBe(expected.length);
        if (expected.length <= 50) expect(res.hits.map((h) => h.id).sort()).toEqual(expected.sort());
      }
    }
    expect(await index.count()).toBe(live.size);
  });
});

describe('relevance of one- and two-character queries', () => {
  // ids added in ascending order let a pass stop early among equal keys; in any other order it must not
  it.each([
    ['ids added in ascending order', (i: number) => i],
    ['ids added in shuffled order', (i: number) => (i * 7919) % 1000],
  ])(
    'ranks pages as a full scan does (listings that cannot reach the page are not re-read), %s',
    async (_, idNumber) => {
      const rand = rng(5);
      const index = new EmbeddedSearchIndex({ hashIdentifier: hash, broadQueryMin: 1_000_000 });
      const docs: SearchDocument[] = Array.from({ length: 600 }, (_, i) => ({
        ...template,
        id: `P${String(idNumber(i)).padStart(3, '0')}`,
        name: i % 3 === 0 ? randomText(rand, 1, 1) : randomText(rand, 1, 6), // many exact names
        // a few case numbers as short as a query: those can be its exact (tier 0) match
        caseNo: i % 50 === 0 ? randomText(rand, 1, 2) : randomText(rand, 4, 9),
      }));
      await index.upsert(docs);
      for (let k = 0; k < 60; k++) {
        const q = randomText(rand, 1, 2);
        const expected = rankedByScan(docs, q);
        for (const page of [1, 2, 3]) {
          const res = await index.search({ q, pageSize: 5, page });
          expect(res.total, `q=${q}`).toBe(expected.length);
          expect(
            res.hits.map((h) => h.id),
            `q=${q} page ${page}`,
          ).toEqual(expected.slice((page - 1) * 5, page * 5));
        }
      }
    },
  );
});

describe('embedded index compaction', () => {
  it('keeps every live listing, its version and identifier key after squeezing out removed slots', async () => {
    const index = new EmbeddedSearchIndex({ hashIdentifier: hash, minDeadSlotsToCompact: 10 });
    const docs = Array.from({ length: 40 }, (_, i) => ({
      ...template,
      id: `C${i}`,
      version: i + 1,
      name: `王${i}`,
    }));
    await index.upsert(docs);
    await index.remove(docs.slice(0, 30).map((d) => d.id));
    expect(index.stats()).toMatchObject({ live: 10, slots: 10 });
    expect((await index.search({ q: '王3', pageSize: 50 })).hits.map((h) => h.id)).toEqual([
      'C30',
      ...['C31', 'C32', 'C33', 'C34', 'C35', 'C36', 'C37', 'C38', 'C39'],
    ]);
    expect((await index.listVersions()).get('C39')).toBe(40);
    expect((await index.search({ q: '11010519491231002X' })).total).toBe(10);
  });
});
