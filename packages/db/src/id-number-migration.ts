/**
 * Start-up step for ID numbers at rest (issue 14 item 3). SQL cannot encrypt (the keys are not in
 * the database), so migration 0006 only adds the columns and this step, run before the process
 * serves anything: encrypts rows still holding a clear `id_number` (and clears it), and
 * re-encrypts rows sealed with a key that is no longer the active one (key rotation).
 */
import { and, asc, eq, gt, isNotNull, not, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { type IdNumberVault, sealIdNumber } from './id-number-vault.ts';
import { listings } from './schema/index.ts';

export interface IdNumberMigrationReport {
  encrypted: number;
  reencrypted: number;
  /** ids of rows sealed with a key this process does not have (a key missing from ID_NUMBER_KEYS) */
  unreadable?: string[];
}

/**
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
      .select({ id: listings.id, legacy: listings.idNumberLegacy, enc: listings.idNumberEnc })
      .from(listings)
      .where(and(gt(listings.id, after), or(isNotNull(listings.idNumberLegacy), staleKey)))
      .orderBy(asc(listings.id))
      .limit(batchSize);
    if (rows.length === 0) return report;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        if (!row.legacy && !vault.canOpen(row.enc!)) {
          // left as it is: the operator must add the old key; the caller reports these rows
          report.unreadable = [...(report.unreadable ?? []), row.id];
          continue;
        }
        const plain = row.legacy ?? vault.open(row.enc!, row.id);
        await tx
          .update(listings)
          .set({ ...sealIdNumber(vault, plain, row.id), idNumberLegacy: null })
          .where(eq(listings.id, row.id));
        if (row.legacy) report.encrypted++;
        else report.reencrypted++;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}
