/**
 * Migration 0009 drops the clear `id_number` column (issue 14 item 3). A database an older release
 * left with clear ID numbers must come through with every number encrypted, none lost: the
 * migration path pauses before 0009 for the application's hook (`encryptClearIdNumbers`), and
 * 0009 itself refuses to drop clear values when no hook ran.
 */
import { idNumberCheckChar } from '@portal/domain';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { applyMigrations, type Database, type MigrationHooks } from './client.ts';
import { encryptClearIdNumbers } from './id-number-migration.ts';
import { createIdNumberVault } from './id-number-vault.ts';
import { listings } from './schema/index.ts';
import { openUnmigrated, testDatabaseUrl, type UnmigratedDatabase } from './testing.ts';

/** `when` of migration 0006, the last release that wrote ID numbers in clear. */
const BEFORE_ENCRYPTION = 1795989864265;

const vault = createIdNumberVault({
  secrets: ['drop-test-key-000000001'],
  hashSecret: 'drop-test-hash-0000001',
});
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const clearIds = [idOf('46010319800101123'), idOf('46010319751231456'), idOf('11010519491231002')];

type RawDatabase = UnmigratedDatabase;

/** A database as the release of migration 0006 left it, with listings holding clear ID numbers. */
async function olderRelease(open: () => Promise<RawDatabase>): Promise<RawDatabase> {
  const raw = await open();
  await applyMigrations(raw.db, {}, BEFORE_ENCRYPTION);
  for (const [i, id] of clearIds.entries()) {
    await raw.db.execute(sql`insert into "listings" ("id", "status", "kind", "name", "id_number", "case_no",
      "court", "filed_at", "basis_issuer", "basis_doc_no", "obligation", "performance", "category",
      "amount_owed_fen", "region", "listed_at")
      values (${`L-OLD${i}`}, 'published', 'person', ${`王旧${i}`}, ${id}, ${`（2020）琼0106执${i + 1}号`},
      '海口市龙华区人民法院', '2020-05-06', '海口市龙华区人民法院', '（2019）琼0106民初1号', '支付劳动报酬',
      '全部未履行', 1, 100, '海口市', '2021-01-04')`);
  }
  return raw;
}

async function hasClearColumn(db: Database): Promise<boolean> {
  const n = await db.$count(
    sql`information_schema.columns`,
    sql`table_schema = current_schema() and table_name = 'listings' and column_name = 'id_number'`,
  );
  return n > 0;
}

const backends: { kind: string; open: () => Promise<RawDatabase> }[] = [
  { kind: 'pglite', open: () => openUnmigrated({}) },
];
const serverUrl = testDatabaseUrl();
if (serverUrl) backends.push({ kind: 'postgres', open: () => openUnmigrated({ serverUrl }) });

describe.each(backends)('migration 0009 drops the clear ID-number column on $kind', ({ open }) => {
  let raw: RawDatabase | undefined;
  afterEach(async () => {
    await raw?.close();
    await raw?.drop();
    raw = undefined;
  });

  test('PIPL / issue 14 item 3: clear numbers left by an older release are encrypted first, then the column is dropped', async () => {
    raw = await olderRelease(open);
    let report: Awaited<ReturnType<typeof encryptClearIdNumbers>> | undefined;
    const hooks: MigrationHooks = {
      async beforeClearIdNumberDrop(db) {
        expect(await hasClearColumn(db)).toBe(true);
        report = await encryptClearIdNumbers(db, vault, 2); // two batches
      },
    };
    await applyMigrations(raw.db, hooks);
    expect(report).toEqual({ encrypted: 3, reencrypted: 0 });
    expect(await hasClearColumn(raw.db)).toBe(false);
    for (const [i, id] of clearIds.entries()) {
      const [row] = await raw.db
        .select()
        .from(listings)
        .where(eq(listings.id, `L-OLD${i}`));
      expect(vault.open(row!.idNumberEnc!, row!.id)).toBe(id);
      expect(row!.idNumberHash).toBe(vault.hash(id));
      expect(row!.idNumberMasked).toBe(`${id.slice(0, 10)}****${id.slice(14)}`);
      expect(JSON.stringify(row)).not.toContain(id);
    }
  });

  test('without the hook 0009 stops, and the clear numbers stay where they were (nothing lost)', async () => {
    raw = await olderRelease(open);
    await expect(applyMigrations(raw.db)).rejects.toThrow();
    expect(await hasClearColumn(raw.db)).toBe(true);
    const left = await raw.db.$count(sql`"listings"`, sql`"id_number" is not null`);
    expect(left).toBe(clearIds.length);
    // started again with the keys, the same database migrates
    await applyMigrations(raw.db, {
      beforeClearIdNumberDrop: async (db) => {
        await encryptClearIdNumbers(db, vault);
      },
    });
    expect(await hasClearColumn(raw.db)).toBe(false);
  });

  test('a database already past 0009 has nothing for the hook to do', async () => {
    raw = await open();
    await applyMigrations(raw.db);
    let calls = 0;
    await applyMigrations(raw.db, {
      beforeClearIdNumberDrop: async (db) => {
        calls++;
        expect(await encryptClearIdNumbers(db, vault)).toEqual({ encrypted: 0, reencrypted: 0 });
      },
    });
    expect(calls).toBe(1);
    expect(await hasClearColumn(raw.db)).toBe(false);
  });
});
