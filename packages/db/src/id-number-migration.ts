/**
 * Start-up steps for ID numbers at rest (issue 14 item 3). SQL cannot encrypt (the keys are not in
 * the database), so migration 0007 only added the columns; `encryptClearIdNumbers` runs as the
 * `beforeClearIdNumberDrop` migration hook (after 0008, before 0009 drops the clear `id_number`
 * column) and encrypts rows still holding a clear number; `migrateIdNumbersAtRest`, run before
 * the process serves anything, re-encrypts rows sealed with a key that is no longer the active one
 * (key rotation).
 */
import { and, asc, eq, gt, isNotNull, not, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { type IdNumberVault, sealIdNumber } from './id-number-vault.ts';
import { listings } from './schema/index.ts';

export interface IdNumberMigrationReport {
  /** clear numbers encrypted (`encryptClearIdNumbers`) */
  encrypted: number;
  reencrypted: number;
  /** ids of rows sealed with a key this process does not have (a key missing from ID_NUMBER_KEYS) */
  unreadable?: string[];
}

/**
 * Migration hook before 0009: encrypts every clear `id_number` (the column 0009 drops) and clears
 * it, in batches, each batch in one transaction. The column is not in the schema any more, so it is
 * read by name; a database without it (already past 0009) has nothing to do.
 * @example
 * await createDatabase({ databaseUrl, hooks: { beforeClearIdNumberDrop: (db) => encryptClearIdNumbers(db, vault).then(() => {}) } });
 */
export async function encryptClearIdNumbers(
  db: Database,
  vault: IdNumberVault,
  batchSize = 500,
): Promise<IdNumberMigrationReport> {
  const report: IdNumberMigrationReport = { encrypted: 0, reencrypted: 0 };
  const clear = sql`${sql.identifier('id_number')}`;
  const hasColumn = await db.$count(
    sql`information_schema.columns`,
    sql`table_schema = current_schema() and table_name = 'listings' and column_name = 'id_number'`,
  );
  if (hasColumn === 0) return report;
  let after = '';
  for (;;) {
    const rows = await db
      .select({ id: listings.id, clear: sql<string>`${clear}` })
      .from(listings)
      .where(and(gt(listings.id, after), sql`${clear} is not null`))
      .orderBy(asc(listings.id))
      .limit(batchSize);
    if (rows.length === 0) return report;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        await tx
          .update(listings)
          .set(sealIdNumber(vault, row.clear, row.id))
          .where(eq(listings.id, row.id));
        await tx.execute(sql`update "listings" set ${clear} = null where "id" = ${row.id}`);
        report.encrypted++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Re-encrypts ID numbers sealed with an older key or hashed with another look-up key (rotation).
 * @example
 * const report = await migrateIdNumbersAtRest(db, vault); // { encrypted: 0, reencrypted: 0 } once done
 */
export async function migrateIdNumbersAtRest(
  db: Database,
  vault: IdNumberVault,
  batchSize = 500,
): Promise<IdNumberMigrationReport> {
  const report: IdNumberMigrationReport = { encrypted: 0, reencrypted: 0 };
  // sealed with an older key, or hashed with another look-up key
  const staleKey = and(
    isNotNull(listings.idNumberEnc),
    or(
      not(sql`starts_with(${listings.idNumberEnc}, ${`${vault.activeKeyId}.`})`),
      not(sql`starts_with(coalesce(${listings.idNumberHash}, ''), ${`${vault.hashKeyId}:`})`),
    ),
  );
  let after = '';
  for (;;) {
    const rows = await db
      .select({ id: listings.id, enc: listings.idNumberEnc })
      .from(listings)
      .where(and(gt(listings.id, after), staleKey))
      .orderBy(asc(listings.id))
      .limit(batchSize);
    if (rows.length === 0) return report;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        if (!vault.canOpen(row.enc!)) {
          // left as it is: the operator must add the old key; the caller reports these rows
          report.unreadable = [...(report.unreadable ?? []), row.id];
          continue;
        }
        const plain = vault.open(row.enc!, row.id);
        await tx
          .update(listings)
          .set(sealIdNumber(vault, plain, row.id))
          .where(eq(listings.id, row.id));
        report.reencrypted++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}
