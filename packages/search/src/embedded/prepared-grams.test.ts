import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractListings } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import type { SearchDocument, SearchQuery } from '../search-index.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';
import { PreparedGrams } from './prepared-grams.ts';
import { rankedByScan } from './scan-ranking.ts';
import { writeSnapshotFile } from './snapshot.ts';

const hash = createIdentifierHasher('prepared-test-secret-0123456789');
const template = contractListings(hash).wangWei;
/** few characters, so three- and four-character grams repeat across listings */
const WORDS = ['房地产', '开发', '建筑工程', '有限公司', '实业', '王', '海南', '贸易'];

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

function companyName(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 4);
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('');
}

function doc(rand: () => number, id: string, version: number): SearchDocument {
  return {
    ...template,
    id,
    version,
    name: companyName(rand),
    // a few case numbers as short as a query: those can be its exact (tier 0) match
    caseNo: rand() < 0.03 ? '房地产' : `（2024）琼${Math.floor(rand() * 9000)}号`,
    legalRepresentative: rand() < 0.2 ? companyName(rand) : '李四',
    amountOwedFen: Math.floor(rand() * 1e6),
    region: rand() < 0.5 ? '海口市' : '三亚市',
  };
}

/** Every query of three or four characters the listings hold, and a few they do not. */
function gramQueries(docs: Iterable<SearchDocument>): string[] {
  const out = new Set<string>(['房地产开', '地产有限', '筑工程有']);
  for (const d of docs)
    for (let i = 0; i < d.name.length; i++) for (const n of [3, 4]) out.add(d.name.slice(i, i + n));
  return [...out].filter((q) => q.length >= 3);
}

/** Total, relevance pages and a sorted page of each query, against a plain scan of `live`. */
async function expectLikeScan(
  index: EmbeddedSearchIndex,
  live: Map<string, SearchDocument>,
  queries: string[],
) {
  for (const q of queries) {
    const expected = rankedByScan(live.values(), q);
    // the last page too: listings holding the word in another field only (tier 3) rank there
    for (const page of new Set([1, 2, Math.max(1, Math.ceil(expected.length / 7))])) {
      const res = await index.search({ q, pageSize: 7, page });
      expect(res.total, `q=${q}`).toBe(expected.length);
      expect(
        res.hits.map((h) => h.id),
        `q=${q} page ${page}`,
      ).toEqual(expected.slice((page - 1) * 7, page * 7));
    }
    const filtered: SearchQuery = { q, filters: { region: '三亚市' }, sort: 'amount:desc', pageSize: 5 };
    const inRegion = [...live.values()].filter((d) => expected.includes(d.id) && d.region === '三亚市');
    const byAmount = inRegion
      .sort((a, b) => b.amountOwedFen - a.amountOwedFen || (a.id < b.id ? -1 : 1))
      .map((d) => d.id);
    const res = await index.search(filtered);
    expect(res.total, `q=${q} in 三亚市`).toBe(byAmount.length);
    expect(res.facets.region['海口市'] ?? 0, `q=${q} facet`).toBe(expected.length - byAmount.length);
    expect(res.hits.map((h) => h.id)).toEqual(byAmount.slice(0, 5));
  }
}

describe('PreparedGrams', () => {
  const texts = ['房地产开发', '海南房地产', '', '建筑工程有限', '房地产', '王建筑工'];
  const alive = new Uint8Array([1, 1, 0, 1, 1, 1]);

  it('chooses the grams found in at least the given number of listings and lists exactly those listings', () => {
    const grams = new PreparedGrams();
    grams.choose(texts, texts.length, alive, 3);
    for (
      let step = grams.fill(
        () => texts,
        () => texts.length,
      );
      !step.next().done;
    );
    expect(grams.ready).toBe(true);
    expect([...grams.exact('房地产', undefined)!]).toEqual([0, 1, 4]);
    expect(grams.exact('建筑工', undefined)).toBeNull(); // in two listings only: not chosen
    expect(grams.exact('房地', undefined)).toBeNull(); // two units: the bigram list is exact already
  });

  it('answers nothing until the fill is complete, and keeps up with writes made while it runs', () => {
    const grams = new PreparedGrams();
    const held = [...texts];
    const aliveNow = Uint8Array.from([...alive, 1]); // slot 6 is added below
    grams.choose(held, held.length, aliveNow, 2);
    const fill = grams.fill(
      () => held,
      () => held.length,
      2,
    );
    fill.next(); // slots 0–1 read
    expect(grams.exact('房地产', undefined)).toBeNull();
    // slot 1 (passed) changes, slot 4 (ahead) changes, slot 6 is new
    grams.remove(1, held[1]!);
    held[1] = '海南实业';
    grams.add(1, held[1]!);
    held[4] = '房地产建筑工';
    held[6] = '海房地产';
    grams.add(6, held[6]!);
    for (let step = fill.next(); !step.done; step = fill.next());
    expect([...grams.exact('房地产', undefined)!]).toEqual([0, 4, 6]);
    expect([...grams.exact('建筑工', undefined)!]).toEqual([3, 4, 5]);
    held[0] = '';
    aliveNow[0] = 0; // removed: its slot stays in the lists, reads leave it out
    expect([...grams.exact('房地产', aliveNow)!]).toEqual([4, 6]);
  });
});

describe('embedded index with prepared grams', () => {
  it('answers three- and four-character queries as a full scan does, through updates, removals and compaction', async () => {
    const rand = rng(3);
    const index = new EmbeddedSearchIndex({
      hashIdentifier: hash,
      preparedGramMin: 20,
      broadQueryMin: 1_000_000, // one pass per query: the entries are checked by their own tests
      minDeadSlotsToCompact: 150,
    });
    const live = new Map<string, SearchDocument>();
    const initial = Array.from({ length: 400 }, (_, i) => doc(rand, `G${i}`, 1));
    await index.upsert(initial);
    for (const d of initial) live.set(d.id, d);
    index.prepare();
    expect(index.stats()).toMatchObject({ preparedReady: true });
    expect(index.stats().preparedGrams).toBeGreaterThan(4);
    const queries = gramQueries(live.values());
    await expectLikeScan(index, live, queries);

    for (let round = 0; round < 4; round++) {
      const batch = Array.from({ length: 60 }, () => {
        const id = `G${Math.floor(rand() * 500)}`;
        return doc(rand, id, (live.get(id)?.version ?? 0) + 1);
      });
      await index.upsert(batch);
      for (const d of batch) live.set(d.id, d);
      const gone = [...live.keys()].filter(() => rand() < 0.15);
      await index.remove(gone);
      for (const id of gone) live.delete(id);
      await expectLikeScan(index, live, queries);
    }
    // churn past the compaction threshold: the index re-inserts the live listings
    const slotsBefore = index.stats().slots;
    const gone = [...live.keys()].filter(() => rand() < 0.7);
    await index.remove(gone);
    for (const id of gone) live.delete(id);
    expect(index.stats().slots).toBeLessThan(slotsBefore);
    expect(index.stats()).toMatchObject({ preparedReady: true, slots: live.size });
    await expectLikeScan(index, live, queries);
  });

  it('fills the lists in the background after a load from a snapshot, serving by re-check until then', async () => {
    const rand = rng(9);
    const options = { hashIdentifier: hash, preparedGramMin: 20 };
    const index = new EmbeddedSearchIndex(options);
    const live = new Map<string, SearchDocument>();
    const docs = Array.from({ length: 300 }, (_, i) => doc(rand, `L${i}`, 1));
    await index.upsert(docs);
    for (const d of docs) live.set(d.id, d);
    index.prepare();
    const path = join(mkdtempSync(join(tmpdir(), 'prepared-')), 'index.snapshot');
    await writeSnapshotFile(index.captureSnapshot({ position: 1, source: 't', hasher: 'h' }), path);

    const loaded = new EmbeddedSearchIndex(options);
    loaded.loadSnapshot(path, statSync(path).size);
    expect(loaded.stats()).toMatchObject({ preparedGrams: 0, preparedReady: false });
    const queries = gramQueries(live.values()).slice(0, 40);
    await expectLikeScan(loaded, live, queries);
    const ready = loaded.prepareInBackground();
    const changed = doc(rand, 'L7', 2);
    await loaded.upsert([changed]); // a write while the lists are being filled
    live.set('L7', changed);
    await ready;
    expect(loaded.stats().preparedReady).toBe(true);
    await expectLikeScan(loaded, live, queries);
  });
});
