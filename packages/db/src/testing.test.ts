import postgres from 'postgres';
import { expect, test } from 'vitest';
import { listings } from './schema/index.ts';
import { backends, openPostgresTestDatabase, testDatabaseUrl } from './testing.ts';

const url = testDatabaseUrl();

test('offers PGlite always and PostgreSQL exactly when a server is available', () => {
  expect(backends().map((b) => b.kind)).toEqual(url ? ['pglite', 'postgres'] : ['pglite']);
});

test.each(backends().map((b) => [b.kind, b] as const))(
  'each %s database opened is fresh and isolated',
  async (_, backend) => {
    const a = await backend.open();
    const b = await backend.open();
    try {
      await a.db.insert(listings).values({
        id: 'L1',
        kind: 'org',
        name: '海南测试贸易有限公司',
        caseNo: '（2020）琼0106执1号',
        court: '海口市龙华区人民法院',
        filedAt: '2020-01-02',
        basisIssuer: '海口市龙华区人民法院',
        basisDocNo: '（2019）琼0106民初1号',
        obligation: '支付货款',
        performance: '全部未履行',
        category: 1,
        amountOwedFen: 100,
        region: '海口市龙华区',
      });
      expect(await a.db.$count(listings)).toBe(1);
      expect(await b.db.$count(listings)).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  },
);

test.skipIf(!url)('closing a PostgreSQL test database drops it', async () => {
  const server = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    const exists = async (name: string) =>
      (await server`select 1 from pg_database where datname = ${name}`).length === 1;
    const handle = await openPostgresTestDatabase(url!);
    expect(await exists(handle.databaseName)).toBe(true);
    await handle.close();
    expect(await exists(handle.databaseName)).toBe(false);
  } finally {
    await server.end();
  }
});
