import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SECRET, contractListings } from '../contract-fixtures.ts';
import { EmbeddedSearchIndex } from '../embedded/embedded-search-index.ts';
import { createIdentifierHasher } from '../identifier.ts';
import { normalizeForSearch } from '../normalize.ts';
import { MeiliOracle } from './meili-oracle.ts';
import { containsQuery, RECHECK_LIMIT } from './meili-recheck.ts';
import {
  type Comparison,
  compare,
  demoDocuments,
  fragmentQueries,
  meiliDocuments,
} from './oracle-fixtures.ts';

const hash = createIdentifierHasher(CONTRACT_SECRET);

/** Every text query of the contract suite (contract.ts, contract-writes.ts). */
const CONTRACT_QUERIES = [
  '伟明',
  '王',
  '建筑',
  '金海',
  '执1234',
  '(2017)琼9003',
  '（2017）琼9003执12',
  '执357',
  '伟王',
  '王偉明',
  '金海建築',
  '王伟',
  '赵<b>六',
  '周旧',
  '敏华',
  '执8888',
];

describe('oracle: Meilisearch phrase matching over the adapter tokens vs the embedded engine', () => {
  it('gives the embedded answers, in its order, on the contract queries', async () => {
    const docs = Object.values(contractListings(hash));
    const embedded = new EmbeddedSearchIndex({ hashIdentifier: hash });
    await embedded.upsert(docs);
    const [result, legacy] = (await compare(
      embedded,
      [new MeiliOracle(meiliDocuments(docs)), new MeiliOracle(meiliDocuments(docs), { rules: 'attribute' })],
      CONTRACT_QUERIES,
    )) as [Comparison, Comparison];
    console.info(
      `[oracle] contract queries: ${result.queries}, misses ${result.misses.length}, raw extras ${result.rawExtras.length}, extras after re-check ${result.extras.length}, order differences ${result.orderMismatches.length}`,
    );
    expect(result.misses).toEqual([]);
    expect(result.extras).toEqual([]);
    expect(result.totalMismatches).toEqual([]);
    expect(result.orderMismatches).toEqual([]);
    // servers before 1.36 rank with `attribute`: the contract's orders hold there too
    expect(legacy.orderMismatches).toEqual([]);
  });

  describe('on demo data', () => {
    // 5,000 listings keep `npm test` short on a shared machine; MEILI_ORACLE_DOCS=20000 for the full run
    const DOCS = Number(process.env.MEILI_ORACLE_DOCS ?? 5_000);
    const QUERIES = 2_100;
    let result: Comparison;
    let legacy: Comparison;

    beforeAll(async () => {
      const docs = demoDocuments(DOCS, hash);
      const embedded = new EmbeddedSearchIndex({ hashIdentifier: hash });
      await embedded.upsert(docs);
      const meiliDocs = meiliDocuments(docs);
      const oracles = [new MeiliOracle(meiliDocs), new MeiliOracle(meiliDocs, { rules: 'attribute' })];
      [result, legacy] = (await compare(embedded, oracles, fragmentQueries(docs, QUERIES))) as [
        Comparison,
        Comparison,
      ];
      console.info(
        `[oracle] ${DOCS} demo listings, ${result.queries} fragment queries: misses ${result.misses.length}, raw extras ${result.rawExtras.length} (in ${new Set(result.rawExtras.map((e) => e.q)).size} queries), extras after re-check ${result.extras.length}, total differences ${result.totalMismatches.length}, order differences ${result.orderMismatches.length}`,
      );
      for (const m of result.orderMismatches.slice(0, 5))
        console.info('[oracle] order', m.q, m.embedded.slice(0, 6), m.adapter.slice(0, 6));
      console.info(
        `[oracle] same run, ranking of servers before 1.36 (\`attribute\`): order differences ${legacy.orderMismatches.length}`,
      );
      for (const t of result.totalMismatches) console.info('[oracle] total', t);
      for (const e of result.rawExtras.slice(0, 5))
        console.info('[oracle] raw extra', e.q, e.doc.name, e.doc.caseNo, e.doc.uscc ?? e.doc.idNumberMasked);
    }, 600_000);

    it('misses nothing the embedded engine finds', () => {
      expect(result.misses).toEqual([]);
    });

    it('returns extra listings only where the embedded re-check drops them, and shows none', () => {
      for (const { q, doc } of result.rawExtras)
        expect(containsQuery(doc as never, normalizeForSearch(q))).toBe(false);
      expect(result.extras).toEqual([]);
    });

    it('counts totals exactly unless more than RECHECK_LIMIT candidates hide a false positive', () => {
      console.info(
        `[oracle] same run, ranking of servers before 1.36 (\`attribute\`): order differences ${legacy.orderMismatches.length}`,
      );
      for (const t of result.totalMismatches) {
        expect(t.candidates).toBeGreaterThan(RECHECK_LIMIT);
        expect(t.adapter).toBeGreaterThan(t.embedded);
      }
    });

    it('orders every answer as the embedded engine does (≥ 1.36)', () => {
      expect(result.orderMismatches).toEqual([]);
    });

    it('finds the same listings with the ranking of older servers, only ordered otherwise', () => {
      expect(legacy.misses).toEqual([]);
      expect(legacy.extras).toEqual([]);
      // which false positives the first RECHECK_LIMIT candidates hold depends on the order
      for (const t of legacy.totalMismatches) expect(t.candidates).toBeGreaterThan(RECHECK_LIMIT);
    });
  });
});
