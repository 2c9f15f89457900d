import { join, resolve } from 'node:path';
import { createDatabase, type DatabaseHandle } from '@portal/db';
import { createIdentifierHasher, openSearchIndex } from '@portal/search';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { AppDeps, AppEnv } from './context.ts';
import type { Env } from './env.ts';
import { startExpiryJob } from './features/listings/expiry-job.ts';
import { createScreenCache } from './features/screens/screen-cache.ts';
import { createSearchCache } from './features/search/search-cache.ts';
import { ensureBootstrapAdmin, ensureBootstrapToken } from './features/staff/bootstrap-staff.ts';
import { startNotificationWorker } from './features/tips/notifications/worker.ts';
import { startOrphanPhotoPurge } from './features/tips/orphan-photos.ts';
import { createTipsServices } from './features/tips/tips-services.ts';
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
  /** Tip notifications: deliver what is due now, queue reminders (tests). */
  tipNotifier: { drain(): Promise<number>; remind(): Promise<number> } | null;
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
  const hashIdentifier = createIdentifierHasher(
    loadOrCreateSecret(env.DATA_DIR, 'identifier-hmac.key', env.IDENTIFIER_HMAC_KEY),
  );
  const sealedBox = createSealedBox(
    loadOrCreateSecret(env.DATA_DIR, 'contact-encryption.key', env.CONTACT_ENCRYPTION_KEY),
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
  const seeded = await seedDemoDataOnce(database.db, env.DEMO_RECORDS, progress);
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
    tips: createTipsServices(env),
    now: opts.now ?? (() => new Date()),
  };
  const tipNotifier = workers
    ? startNotificationWorker({ db: database.db, targets: deps.tips.notify, logger, now: deps.now })
    : null;
  if (tipNotifier) deps.tips.wake = tipNotifier.wake;
  const photoPurge = workers
    ? startOrphanPhotoPurge({
        db: database.db,
        files: () => deps.tips.files,
        now: deps.now,
        onError: (err) => logger.warn({ err }, 'tip photo purge failed'),
      })
    : null;
  const expiry = workers ? startExpiryJob(deps) : { stop() {} };
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
    tipNotifier,
    async close() {
      clearInterval(reconcileTimer);
      expiry.stop();
      photoPurge?.stop();
      await tipNotifier?.stop();
      await publisher.stop();
      await search.close();
      if (!opts.keepDatabaseOpen) await database.close();
    },
  };
}
