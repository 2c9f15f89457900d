import { join, resolve } from 'node:path';
import { createDatabase, createIdNumberVault, type DatabaseHandle, migrateIdNumbersAtRest } from '@portal/db';
import { createIdentifierHasher, openSearchIndex } from '@portal/search';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { AppDeps, AppEnv } from './context.ts';
import type { Env } from './env.ts';
import { startExpiryJob } from './features/listings/expiry-job.ts';
import { startRetentionJob } from './features/listings/retention-job.ts';
import { createScreenCache } from './features/screens/screen-cache.ts';
import { createSearchCache } from './features/search/search-cache.ts';
import { ensureBootstrapAdmin, ensureBootstrapToken } from './features/staff/bootstrap-staff.ts';
import { createMemoryRateLimitStore, createPostgresRateLimitStore } from './http/rate-limit.ts';
import type { Logger } from './logger.ts';
import { seedDemoDataOnce } from './read-model/demo-seed.ts';
import { reconcileIndex } from './read-model/index-sync.ts';
import { observeIndexChanges } from './read-model/observed-index.ts';
import { startPublisher } from './read-model/publisher.ts';
import { createSealedBox } from './secrets/sealed-box.ts';
import { loadOrCreateSecret } from './secrets/secrets.ts';

export interface RuntimeOptions {
  progress?: (msg: string) => void;
  /** an already opened database (tests); closed with the runtime unless `keepDatabaseOpen` */
  database?: DatabaseHandle;
  keepDatabaseOpen?: boolean;
  now?: () => Date;
  /** `false` starts no background worker: simulates a process that died after committing */
  workers?: boolean;
}

export interface Runtime {
  app: Hono<AppEnv>;
  deps: AppDeps;
  /** Listeners for index changes (site rebuilds, screen caches) register here. */
  onIndexChanged: Set<(ids: string[]) => void>;
  drainPublisher(): Promise<number>;
  close(): Promise<void>;
}

const idlePublisher = { wake() {}, drain: async () => 0, stop: async () => {} };

/**
 * Opens the system of record and the read model, brings the read model up to date, seeds demo
 * data on first start and starts the background workers. `main.ts` serves the returned app.
 */
export async function startRuntime(env: Env, logger: Logger, opts: RuntimeOptions = {}): Promise<Runtime> {
  const progress = opts.progress ?? (() => {});
  progress('正在打开数据库…');
  const database =
    opts.database ??
    (await createDatabase(
      env.DATABASE_URL
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: join(resolve(env.DATA_DIR), 'pglite') },
    ));
  const identifierSecret = loadOrCreateSecret(env.DATA_DIR, 'identifier-hmac.key', env.IDENTIFIER_HMAC_KEY);
  const hashIdentifier = createIdentifierHasher(identifierSecret);
  const contactSecret = loadOrCreateSecret(
    env.DATA_DIR,
    'contact-encryption.key',
    env.CONTACT_ENCRYPTION_KEY,
  );
  const sealedBox = createSealedBox(contactSecret);
  const idVault = createIdNumberVault({
    // ID_NUMBER_KEYS (newest first) or one key derived from the contact key, which every process
    // on a shared database is configured with (required in production)
    secrets: env.ID_NUMBER_KEYS
      ? env.ID_NUMBER_KEYS.split(',').map((k) => k.trim())
      : [`listing-id-number:${contactSecret}`],
    // the look-up hash needs an exact key of its own (the search key hashes masked forms), derived
    // from the identifier secret so no further variable is needed
    hashSecret: `listing-id-number:${identifierSecret}`,
  });
  const idMigration = await migrateIdNumbersAtRest(database.db, idVault);
  if (idMigration.encrypted + idMigration.reencrypted > 0)
    logger.info(
      { encrypted: idMigration.encrypted, reencrypted: idMigration.reencrypted },
      'ID numbers encrypted at rest',
    );
  if (idMigration.unreadable)
    logger.error(
      { count: idMigration.unreadable.length, sample: idMigration.unreadable.slice(0, 5) },
      'ID numbers sealed with a key missing from ID_NUMBER_KEYS: add the old key',
    );
  // caches derived from the read model, dropped whenever it changes (see observeIndexChanges)
  const derivedCaches: { invalidate(): void }[] = [];
  const search = observeIndexChanges(
    await openSearchIndex({
      hashIdentifier,
      meiliUrl: env.MEILI_URL,
      meiliKey: env.MEILI_KEY,
      meiliIndexUid: env.MEILI_INDEX,
    }),
    () => {
      for (const cache of derivedCaches) cache.invalidate();
    },
  );
  const searchCache = createSearchCache();
  const screenCache = createScreenCache(search);
  derivedCaches.push(searchCache, screenCache);
  if (env.STAFF_BOOTSTRAP_TOKEN) await ensureBootstrapToken(database.db, env.STAFF_BOOTSTRAP_TOKEN);
  if (env.STAFF_BOOTSTRAP_ADMIN) await ensureBootstrapAdmin(database.db, env.STAFF_BOOTSTRAP_ADMIN);
  const seeded = await seedDemoDataOnce(database.db, idVault, env.DEMO_RECORDS, progress);
  if (seeded > 0) logger.info({ seeded }, 'demo data seeded');
  progress('正在同步查询索引…');
  const report = await reconcileIndex(database.db, search, hashIdentifier);
  logger.info(report, 'search index reconciled');

  /** Site rebuilds listen here (after the publisher applied a batch). */
  const onIndexChanged = new Set<(ids: string[]) => void>();
  const workers = opts.workers ?? true;
  const publisher = workers
    ? startPublisher({
        db: database.db,
        search,
        hashIdentifier,
        logger,
        onIndexChanged: (ids) => {
          for (const listener of onIndexChanged) listener(ids);
        },
      })
    : idlePublisher;
  const deps: AppDeps = {
    env,
    logger,
    db: database.db,
    dbKind: database.kind,
    search,
    hashIdentifier,
    outbox: publisher,
    // several processes share one PostgreSQL, and so their buckets; PGlite is one process
    rateLimitStore:
      database.kind === 'postgres' ? createPostgresRateLimitStore(database.db) : createMemoryRateLimitStore(),
    screens: screenCache,
    searchCache,
    sealedBox,
    idVault,
    now: opts.now ?? (() => new Date()),
  };
  const expiry = workers ? startExpiryJob(deps) : { stop() {} };
  const retention = workers ? startRetentionJob(deps) : { stop() {} };
  const reconcileTimer = setInterval(() => {
    reconcileIndex(database.db, search, hashIdentifier).catch((err) =>
      logger.warn({ err }, 'reconcile failed'),
    );
  }, 5 * 60_000);
  reconcileTimer.unref();
  if (!workers) clearInterval(reconcileTimer);

  return {
    app: createApp(deps),
    deps,
    onIndexChanged,
    drainPublisher: () => publisher.drain(),
    async close() {
      clearInterval(reconcileTimer);
      expiry.stop();
      retention.stop();
      await publisher.stop();
      await search.close();
      if (!opts.keepDatabaseOpen) await database.close();
    },
  };
}
