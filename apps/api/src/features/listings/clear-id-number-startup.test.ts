/**
 * Issue 14 item 3 at start-up: a database an older release left with full ID numbers in clear
 * (before migration 0007) is opened by the API, which encrypts them in the migration path before
 * 0009 drops the clear column. The listing stays published and findable; no clear number is left.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { applyMigrations, type Database } from '@portal/db';
import { listings } from '@portal/db/schema';
import { openUnmigrated, testDatabaseUrl } from '@portal/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import { startRuntime } from '../../runtime.ts';
import { idNumberFor } from '../../testing/fixtures.ts';
import { testIdNumberVault, within } from '../../testing/test-runtime.ts';

/** `when` of migration 0006, the last release that wrote ID numbers in clear. */
const BEFORE_ENCRYPTION = 1795989864265;
const CLEAR_ID = idNumberFor('19760315', '482');

async function leaveOlderRelease(db: Database): Promise<void> {
  await applyMigrations(db, {}, BEFORE_ENCRYPTION);
  await db.execute(sql`insert into "listings" ("id", "status", "kind", "name", "id_number", "case_no",
    "court", "filed_at", "basis_issuer", "basis_doc_no", "obligation", "performance", "category",
    "amount_owed_fen", "region", "listed_at", "published_at", "birth_date", "gender")
    values ('L-OLDREL', 'published', 'person', '符旧版', ${CLEAR_ID}, '（2019）琼9003执482号',
    '儋州市人民法院', '2019-05-06', '儋州市人民法院', '（2018）琼9003民初4号', '支付货款',
    '全部未履行', 1, 100, '儋州市', '2020-01-06', now(), '1976-03-15', '男')`);
}

interface Target {
  kind: string;
  /** prepares the old database; returns the env that points the API at it and a clean-up */
  prepare(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const targets: Target[] = [
  {
    kind: 'pglite',
    async prepare() {
      const dataDir = mkdtempSync(join(tmpdir(), 'portal-oldrel-'));
      const old = await openUnmigrated({ dataDir: join(dataDir, 'pglite') });
      await leaveOlderRelease(old.db);
      await old.close();
      return { env: { DATA_DIR: dataDir }, cleanup: async () => {} };
    },
  },
];
const serverUrl = testDatabaseUrl();
if (serverUrl)
  targets.push({
    kind: 'postgres',
    async prepare() {
      const old = await openUnmigrated({ serverUrl });
      await leaveOlderRelease(old.db);
      await old.close();
      return {
        env: { DATABASE_URL: old.url!, DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-oldrel-')) },
        cleanup: () => old.drop(),
      };
    },
  });

describe.each(targets)('start-up on a database with clear ID numbers ($kind)', (target) => {
  it('PIPL / issue 14 item 3: encrypts them before migration 0009 drops the clear column; the listing stays findable', async () => {
    const { env: where, cleanup } = await target.prepare();
    const logLines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logLines.push(String(chunk));
        cb();
      },
    });
    const env = parseEnv({
      DEMO_RECORDS: '0',
      SITE_BUILD: '0',
      LOG_LEVEL: 'info',
      IDENTIFIER_HMAC_KEY: 'test-hmac-key-0123456789',
      ID_NUMBER_KEYS: 'test-id-number-key-0123456789',
      RATE_LIMIT_PER_MIN: '0',
      ...where,
    });
    const rt = await startRuntime(env, createLogger(env.LOG_LEVEL, sink));
    try {
      const db = rt.deps.db;
      const clearColumns = await db.$count(
        sql`information_schema.columns`,
        sql`table_schema = current_schema() and table_name = 'listings' and column_name = 'id_number'`,
      );
      expect(clearColumns).toBe(0);
      const [row] = await db.select().from(listings);
      expect(testIdNumberVault().open(row!.idNumberEnc!, row!.id)).toBe(CLEAR_ID);
      expect(row!.idNumberHash).toBe(testIdNumberVault().hash(CLEAR_ID));
      expect(JSON.stringify(row)).not.toContain(CLEAR_ID);
      expect(logLines.join('')).toContain('ID numbers encrypted at rest');
      expect(logLines.join('')).not.toContain(CLEAR_ID);
      // still published and found by its number (matched on the masked form)
      await within(2000, async () => {
        const res = await rt.app.request(`/api/v1/search?q=${CLEAR_ID}`);
        return ((await res.json()) as { total: number }).total === 1;
      });
    } finally {
      await rt.close();
      await cleanup();
    }
  });
});
