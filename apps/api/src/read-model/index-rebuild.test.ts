import { createIdNumberVault, insertListings } from '@portal/db';
import { listings } from '@portal/db/schema';
import { openPostgresTestDatabase, testDatabaseUrl } from '@portal/db/testing';
import { idNumberCheckChar, type ListingDraftInput } from '@portal/domain';
import { createIdentifierHasher, EmbeddedSearchIndex } from '@portal/search';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rebuildIndexFromDatabase, rebuildProgress } from './index-rebuild.ts';
import { syncListingsToIndex } from './index-sync.ts';

const SECRET = 'rebuild-test-identifier-key-0123';
const hashIdentifier = createIdentifierHasher(SECRET);
const vault = createIdNumberVault({
  secrets: ['rebuild-test-key-0123456789'],
  hashSecret: 'rebuild-test-hash-0001',
});
const TODAY = '2026-11-30';

function draft(i: number): ListingDraftInput {
  const common = {
    caseNo: `（2021）琼0105执${100 + i}号`,
    court: i % 2 ? '海口市龙华区人民法院' : '三亚市城郊人民法院',
    filedAt: '2021-03-04',
    basisIssuer: '海口市龙华区人民法院',
    basisDocNo: `（2020）琼0105民初${i}号`,
    obligation: '支付货款',
    performance: '全部未履行',
    category: ((i % 3) + 1) as 1 | 2 | 3,
    amountOwedFen: 10_000 * (i + 1),
    livelihood: i % 5 === 0,
    region: i % 2 ? '海口市' : '三亚市',
  };
  if (i % 4 === 3)
    return {
      ...common,
      kind: 'org',
      name: `海南重建${i}贸易有限公司`,
      uscc: '91460000MA5T3CYB0B',
      legalRepresentative: `李${i}`,
    };
  const first17 = `46010319850${(i % 9) + 1}1${i % 10}12${i % 10}`;
  return { ...common, kind: 'person', name: `陈重建${i}`, idNumber: first17 + idNumberCheckChar(first17) };
}

const entries = (index: EmbeddedSearchIndex) =>
  index.storedEntries().sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1));
const hitIds = async (index: EmbeddedSearchIndex, q: string) =>
  (await index.search({ q, pageSize: 50 })).hits.map((h) => h.id);

const serverUrl = testDatabaseUrl();

describe.skipIf(!serverUrl)('index rebuild from PostgreSQL (COPY)', () => {
  it('answers as the incremental path does, in a worker thread or in-process, without removed, expired or draft listings', async () => {
    const handle = await openPostgresTestDatabase(serverUrl!);
    const url = new URL(serverUrl!);
    url.pathname = `/${handle.databaseName}`;
    try {
      const ids = await insertListings(
        handle.db,
        Array.from({ length: 40 }, (_, i) => draft(i)),
        { status: 'published', today: '2026-11-01', vault },
      );
      const [removed, expired, drafted] = [ids[4]!, ids[9]!, ids[13]!];
      await handle.db
        .update(listings)
        .set({ status: 'removed', removedAt: new Date(), removalReason: 'performed' })
        .where(eq(listings.id, removed));
      await handle.db.update(listings).set({ termEndsAt: '2025-01-01' }).where(eq(listings.id, expired));
      await handle.db.update(listings).set({ status: 'draft' }).where(eq(listings.id, drafted));
      // a second version of one listing: the index keeps the row's version
      await handle.db.update(listings).set({ name: '陈改名' }).where(eq(listings.id, ids[0]!));

      const incremental = new EmbeddedSearchIndex({ hashIdentifier });
      await syncListingsToIndex(handle.db, incremental, hashIdentifier, ids, TODAY);
      const inProcess = new EmbeddedSearchIndex({ hashIdentifier });
      const progress: number[] = [];
      const local = await rebuildIndexFromDatabase({
        handle,
        identifierSecret: SECRET,
        index: inProcess,
        hashIdentifier,
        today: TODAY,
        onBatch: (rows) => progress.push(rows),
      });
      expect(progress.at(-1)).toBe(38); // start-up prints rows read as batches land
      const inWorker = new EmbeddedSearchIndex({ hashIdentifier });
      const worker = await rebuildIndexFromDatabase({
        handle,
        databaseUrl: url.toString(),
        identifierSecret: SECRET,
        index: inWorker,
        hashIdentifier,
        today: TODAY,
      });

      expect(local).toMatchObject({ reader: 'in-process', read: 38, upserted: 37 });
      expect(worker).toMatchObject({ reader: 'worker', read: 38, upserted: 37 });
      expect(await incremental.count()).toBe(37);
      expect(entries(inProcess)).toEqual(entries(incremental));
      expect(entries(inWorker)).toEqual(entries(incremental));
      expect((await inWorker.listVersions()).get(ids[0]!)).toBe(2);
      for (const q of [
        '陈重建',
        '贸易',
        '琼0105执11',
        '陈改名',
        '46010319850',
        '91460000MA5T3CYB0B',
        '李7',
      ]) {
        const expected = await hitIds(incremental, q);
        expect(await hitIds(inProcess, q), q).toEqual(expected);
        expect(await hitIds(inWorker, q), q).toEqual(expected);
      }
      expect((await hitIds(inWorker, '陈重建')).length).toBeGreaterThan(20);
      for (const gone of [removed, expired, drafted]) {
        expect(await inProcess.get(gone)).toBeNull();
        expect(await inWorker.get(gone)).toBeNull();
      }
    } finally {
      await handle.close();
    }
  });

  it('fails with the reason when the worker cannot read, leaving no worker behind', async () => {
    const handle = await openPostgresTestDatabase(serverUrl!);
    try {
      const url = new URL(serverUrl!);
      url.pathname = '/no_such_database_for_rebuild';
      const index = new EmbeddedSearchIndex({ hashIdentifier });
      await expect(
        rebuildIndexFromDatabase({
          handle,
          databaseUrl: url.toString(),
          identifierSecret: SECRET,
          index,
          hashIdentifier,
          today: TODAY,
        }),
      ).rejects.toThrow(/index rebuild: .*no_such_database_for_rebuild/);
      expect(await index.count()).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

describe('start-up progress of a rebuild', () => {
  it('says how many rows were read, at most once per interval', () => {
    const lines: string[] = [];
    const quiet = rebuildProgress((m) => lines.push(m), 60_000);
    quiet(2000);
    expect(lines).toEqual([]);
    const every = rebuildProgress((m) => lines.push(m), 0);
    every(1_234_000);
    expect(lines).toEqual(['正在建立查询索引：已读取 1,234,000 条…']);
  });
});
