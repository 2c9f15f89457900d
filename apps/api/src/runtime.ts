import { join, resolve } from 'node:path';
import {
  CHANGE_FEED_CHANNEL,
  createDatabase,
  createIdNumberVault,
  type DatabaseHandle,
  encryptClearIdNumbers,
  holdLeadership,
  latestFeedPosition,
  migrateIdNumbersAtRest,
} from '@portal/db';
import { todayInChina } from '@portal/domain';
import { createIdentifierHasher, EmbeddedSearchIndex, openSearchIndex } from '@portal/search';
import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { AppDeps, AppEnv } from './context.ts';
import type { Env } from './env.ts';
import { startExpiryJob } from './features/listings/expiry-job.ts';
import { startRetentionJob } from './features/listings/retention-job.ts';
import { createScreenCache } from './features/screens/screen-cache.ts';
import { createSearchCache } from './features/search/search-cache.ts';
import { ensureBootstrapAdmin, ensureBootstrapToken } from './features/staff/bootstrap-staff.ts';
import { startTipWorkers } from './features/tips/tip-workers.ts';
import { createTipsServices } from './features/tips/tips-services.ts';
import { createWechatServices } from './features/wechat/wechat-services.ts';
import { createLeasedRateLimitStore, createMemoryRateLimitStore } from './http/rate-limit.ts';
import type { Logger } from './logger.ts';
import { type ChangeFollower, FEED_APPLIED, startChangeFollower } from './read-model/change-follower.ts';
import { seedDemoDataOnce } from './read-model/demo-seed.ts';
import { rebuildIndexFromDatabase, rebuildProgress } from './read-model/index-rebuild.ts';
import {
  appliedFeedPosition,
  catchUpFromFeed,
  hasherFingerprint,
  loadIndexSnapshot,
  type SnapshotLoad,
  type SnapshotWriter,
  snapshotPath,
  sourceIdentity,
  startSnapshotWriter,
} from './read-model/index-snapshot.ts';
import { reconcileIndex, syncListingsToIndex } from './read-model/index-sync.ts';
import { observeIndexChanges } from './read-model/observed-index.ts';
import { publicView, sweepExpired } from './read-model/public-view.ts';
import { startPublisher } from './read-model/publisher.ts';
import { createSealedBox } from './secrets/sealed-box.ts';
import { serverSecret } from './secrets/secrets.ts';

export interface RuntimeOptions {
  progress?: (msg: string) => void;
  /** an already opened database (tests); closed with the runtime unless `keepDatabaseOpen` */
  database?: DatabaseHandle;
  keepDatabaseOpen?: boolean;
  now?: () => Date;
  /** `false` starts no background worker: simulates a process that died after committing */
  workers?: boolean;
  /** change feed catch-up poll (PostgreSQL), ms */
  feedPollMs?: number;
  /** how often the embedded index's snapshot is rewritten when it changed (default 10 min) */
  snapshotIntervalMs?: number;
  /**
   * Background work of a fresh index (its sort orders, the start-up snapshot) waits for
   * `runtime.startBackgroundWork()`: the server calls it once it listens, so that work does not
   * compete with the rest of the start-up (`npm start`). Default: it starts at once.
   */
  deferBackgroundWork?: boolean;
  /** `false`: another process writes DATA_DIR's index snapshot (PORTAL_PROCESSES, default true) */
  writeSnapshots?: boolean;
}

/** Advisory lock key of the single active publisher (and expiry job) on one PostgreSQL database. */
export const PUBLISHER_LOCK_KEY = 0x5f_4c_49_53; // 'LIS'

export interface Runtime {
  app: Hono<AppEnv>;
  deps: AppDeps;
  /**
   * Listeners for read-model changes (listing pages, screen caches) register here; they hear of
   * changes made through this process and, through the change feed, through any other.
   * `'all'`: a repair (reconcile, expiry sweep) may have changed any listing.
   */
  onIndexChanged: Set<(ids: string[] | 'all') => void>;
  /** Starts the deferred background work (`deferBackgroundWork`); later calls do nothing. */
  startBackgroundWork(): void;
  /** True while this process is the active publisher (always on PGlite). */
  isPublisher(): boolean;
  drainPublisher(): Promise<number>;
  /** Tip notifications: deliver what is due now, queue reminders (tests). */
  tipNotifier: { drain(): Promise<number>; remind(): Promise<number> } | null;
  /** sends queued WeChat subscription messages (only with WECHAT_APPID and WECHAT_SECRET) */
  wechatMessages: { drain(): Promise<number> } | null;
  /** submits queued tip photos to WeChat's mediaCheckAsync; null when that is off */
  wechatMediaChecks: { drain(): Promise<number> } | null;
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
  const identifierSecret = serverSecret(env, 'identifier');
  const hashIdentifier = createIdentifierHasher(identifierSecret);
  const contactSecret = serverSecret(env, 'contact');
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
  // the keys first: migration 0009 drops the clear ID-number column, and the hook before it
  // encrypts what an older release left there
  const openDatabase = () =>
    createDatabase({
      ...(env.DATABASE_URL
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: join(resolve(env.DATA_DIR), 'pglite') }),
      hooks: {
        async beforeClearIdNumberDrop(db) {
          const { encrypted } = await encryptClearIdNumbers(db, idVault);
          if (encrypted > 0) logger.info({ encrypted }, 'ID numbers encrypted at rest');
        },
      },
    });
  let database = opts.database ?? (await openDatabase());
  const idMigration = await migrateIdNumbersAtRest(database.db, idVault);
  if (idMigration.reencrypted > 0)
    logger.info({ reencrypted: idMigration.reencrypted }, 'ID numbers re-encrypted with the active key');
  if (idMigration.unreadable)
    logger.error(
      { count: idMigration.unreadable.length, sample: idMigration.unreadable.slice(0, 5) },
      'ID numbers sealed with a key missing from ID_NUMBER_KEYS: add the old key',
    );
  // caches derived from the read model, dropped whenever it changes (see observeIndexChanges)
  const derivedCaches: { invalidate(): void }[] = [];
  const now = opts.now ?? (() => new Date());
  const engine = await openSearchIndex({
    hashIdentifier,
    meiliUrl: env.MEILI_URL,
    meiliKey: env.MEILI_KEY,
    meiliIndexUid: env.MEILI_INDEX,
  });
  let indexChanges = 0; // what the snapshot writer compares to skip a write when nothing changed
  const index = observeIndexChanges(engine, () => {
    indexChanges++;
    for (const cache of derivedCaches) cache.invalidate();
  });
  // every public surface reads through the visibility rule (term checked on every read)
  const search = publicView(index, now);
  const searchCache = createSearchCache(5000, () => todayInChina(now()));
  const screenCache = createScreenCache(search);
  derivedCaches.push(searchCache, screenCache);
  const seeded = await seedDemoDataOnce(database.db, idVault, env.DEMO_RECORDS, progress);
  // after the demo seed: the bootstrap accounts join a demo court, so its units show in the console
  if (env.STAFF_BOOTSTRAP_TOKEN) await ensureBootstrapToken(database.db, env.STAFF_BOOTSTRAP_TOKEN);
  if (env.STAFF_BOOTSTRAP_ADMIN) await ensureBootstrapAdmin(database.db, env.STAFF_BOOTSTRAP_ADMIN);
  if (seeded > 0) logger.info({ seeded }, 'demo data seeded');
  if (seeded > 0 && !opts.database && database.kind === 'pglite') {
    // seeding grew PGlite's WebAssembly heap by ~30 MB that it never gives back: a fresh
    // instance on the same folder starts small (tests/bench/memory-at-rest.bench.ts)
    await database.close();
    database = await openDatabase();
  }
  // PostgreSQL may be shared by several processes: note the feed position before the reconcile,
  // so that whatever another process changes from now on is applied here too
  const multiProcess = database.kind === 'postgres';
  const feedStart = multiProcess ? await latestFeedPosition(database.db) : 0;
  // The embedded index starts from its snapshot in DATA_DIR when it can be trusted (issue 8: at 1M
  // listings a start from it is ready in ~15 s, a full rebuild takes several times that): load,
  // re-sync every listing the change feed names since the snapshot's position, then a reconcile
  // by version repairs what changed without the feed (a row edited by hand). Otherwise the empty
  // index is filled by one streamed COPY on PostgreSQL (index-rebuild.ts), or by the full
  // reconcile (PGlite, Meilisearch).
  const embedded = engine instanceof EmbeddedSearchIndex ? engine : undefined;
  const snapshotMeta = embedded
    ? { source: await sourceIdentity(database.db), hasher: hasherFingerprint(hashIdentifier) }
    : undefined;
  let fromSnapshot: SnapshotLoad = { loaded: false, reason: 'engine keeps its own index' };
  if (embedded && snapshotMeta) {
    progress('正在载入查询索引快照…');
    fromSnapshot = await loadIndexSnapshot({
      index: embedded,
      path: snapshotPath(env.DATA_DIR),
      db: database.db,
      expected: snapshotMeta,
    });
  }
  progress('正在同步查询索引…');
  const syncStarted = performance.now();
  const caughtUp = fromSnapshot.loaded
    ? await catchUpFromFeed(database.db, index, hashIdentifier, fromSnapshot.position, todayInChina(now()))
    : undefined;
  // no usable snapshot on PostgreSQL: one streamed pass fills the empty index (the reconcile's
  // id-and-version comparison has nothing to compare against)
  const rebuilt =
    !fromSnapshot.loaded && embedded && database.copyOut && (await index.count()) === 0
      ? await rebuildIndexFromDatabase({
          handle: database,
          // the database the handle was opened on (a test's own handle: read in-process)
          ...(env.DATABASE_URL && !opts.database ? { databaseUrl: env.DATABASE_URL } : {}),
          identifierSecret,
          index,
          hashIdentifier,
          today: todayInChina(now()),
          onBatch: rebuildProgress(progress),
        })
      : undefined;
  const report = rebuilt
    ? { upserted: rebuilt.upserted, removed: 0, published: rebuilt.upserted }
    : await reconcileIndex(database.db, index, hashIdentifier, 1000, todayInChina(now()));
  if (fromSnapshot.loaded)
    logger.info(
      {
        loadMs: Math.round(fromSnapshot.ms),
        position: fromSnapshot.position,
        fromFeed: caughtUp?.listings,
        ...report,
        syncMs: Math.round(performance.now() - syncStarted),
      },
      'search index loaded from snapshot',
    );
  else if (embedded)
    logger.info(
      {
        reason: fromSnapshot.reason,
        ...report,
        ...(rebuilt
          ? {
              reader: rebuilt.reader,
              readRows: rebuilt.read,
              readMs: rebuilt.readMs,
              indexMs: rebuilt.indexMs,
            }
          : {}),
        ms: Math.round(performance.now() - syncStarted),
      },
      'search index rebuilt from the database',
    );
  else logger.info(report, 'search index reconciled');
  // the sort orders of broad queries are built off the request path, not by the first such query;
  // the snapshot is written after a rebuild (see below)
  const background: (() => void)[] = [];
  if (embedded) background.push(() => void embedded.prepareInBackground());

  const onIndexChanged = new Set<(ids: string[] | 'all') => void>();
  const announce = (ids: string[] | 'all') => {
    for (const listener of onIndexChanged) listener(ids);
  };
  const workers = opts.workers ?? true;
  // one active publisher and expiry job per database where a single writer matters
  const leadership = workers
    ? holdLeadership(database, PUBLISHER_LOCK_KEY)
    : { ready: Promise.resolve(), isLeader: () => false, stop: async () => {} };
  await leadership.ready;
  const publisher = workers
    ? startPublisher({
        db: database.db,
        search: index,
        hashIdentifier,
        logger,
        isActive: () => leadership.isLeader(),
        today: () => todayInChina(now()),
        onIndexChanged: (ids) => {
          announce(ids);
          // a shared engine changed only now: tell the other processes to drop what they cached
          if (multiProcess && index.engine !== 'embedded') {
            database.db
              .execute(sql`select pg_notify(${CHANGE_FEED_CHANNEL}, ${FEED_APPLIED})`)
              .catch((err) => logger.warn({ err }, 'applied notification failed'));
          }
        },
      })
    : idlePublisher;
  // every process applies every change to its own embedded index and drops its caches; with a
  // shared engine (Meilisearch) the publisher writes it and followers only drop their caches
  let follower: ChangeFollower | undefined;
  if (multiProcess && workers) {
    follower = await startChangeFollower({
      db: database.db,
      listen: database.listen?.bind(database),
      from: feedStart,
      logger,
      ...(opts.feedPollMs ? { pollMs: opts.feedPollMs } : {}),
      async apply(ids) {
        if (index.engine === 'embedded') {
          await syncListingsToIndex(database.db, index, hashIdentifier, ids, todayInChina(now()));
        } else {
          for (const cache of derivedCaches) cache.invalidate();
        }
        announce(ids);
      },
      onApplied() {
        for (const cache of derivedCaches) cache.invalidate();
        announce('all');
      },
    });
  }
  // the snapshot is written in the background: after a rebuild, periodically when the index
  // changed, and at shutdown (on PGlite the publisher's finished rows tell the applied position)
  let snapshots: SnapshotWriter | undefined;
  if (embedded && snapshotMeta && workers && opts.writeSnapshots !== false) {
    const activeFollower = follower;
    snapshots = startSnapshotWriter({
      index: embedded,
      path: snapshotPath(env.DATA_DIR),
      meta: snapshotMeta,
      position: async () => (activeFollower ? activeFollower.position() : appliedFeedPosition(database.db)),
      changes: () => indexChanges,
      upToDate: fromSnapshot.loaded && indexChanges === 0,
      logger,
      ...(opts.snapshotIntervalMs ? { intervalMs: opts.snapshotIntervalMs } : {}),
    });
    const writer = snapshots;
    background.push(() => void writer.write('start-up'));
  }
  // several processes share one PostgreSQL, and so their buckets (public API, tips, look-ups),
  // taken in small leases so a public request does not wait for the database
  const rateLimitStore =
    database.kind === 'postgres' ? createLeasedRateLimitStore(database.db) : createMemoryRateLimitStore();
  const deps: AppDeps = {
    env,
    logger,
    db: database.db,
    dbKind: database.kind,
    search,
    hashIdentifier,
    outbox: publisher,
    rateLimitStore,
    screens: screenCache,
    searchCache,
    sealedBox,
    idVault,
    tips: createTipsServices(env, rateLimitStore),
    wechat: createWechatServices(env),
    now,
  };
  const tipWorkers = startTipWorkers(deps, database.db, logger, workers);
  const expiry = workers ? startExpiryJob(deps, () => leadership.isLeader()) : { stop() {} };
  const retention = workers ? startRetentionJob(deps, () => leadership.isLeader()) : { stop() {} };
  // hide listings whose term ended today in this process's index, whoever runs the expiry job
  const sweepTimer = setInterval(() => {
    sweepExpired(database.db, index, todayInChina(now()))
      .then((n) => n > 0 && announce('all'))
      .catch((err) => logger.warn({ err }, 'expiry sweep failed'));
  }, 60_000);
  sweepTimer.unref();
  if (!workers) clearInterval(sweepTimer);
  const reconcileTimer = setInterval(() => {
    reconcileIndex(database.db, index, hashIdentifier, 1000, todayInChina(now()))
      .then((r) => r.upserted + r.removed > 0 && announce('all'))
      .catch((err) => logger.warn({ err }, 'reconcile failed'));
  }, 5 * 60_000);
  reconcileTimer.unref();
  if (!workers) clearInterval(reconcileTimer);

  let backgroundStarted = false;
  const startBackgroundWork = () => {
    if (backgroundStarted) return;
    backgroundStarted = true;
    for (const start of background) start();
  };
  if (!opts.deferBackgroundWork) startBackgroundWork();

  return {
    app: createApp(deps),
    deps,
    onIndexChanged,
    startBackgroundWork,
    isPublisher: () => leadership.isLeader(),
    drainPublisher: () => publisher.drain(),
    tipNotifier: tipWorkers.tipNotifier,
    wechatMessages: tipWorkers.wechatMessages,
    wechatMediaChecks: tipWorkers.wechatMediaChecks,
    async close() {
      clearInterval(reconcileTimer);
      clearInterval(sweepTimer);
      expiry.stop();
      retention.stop();
      await tipWorkers.stop();
      await follower?.stop();
      await publisher.stop();
      await leadership.stop();
      await snapshots?.stop();
      await search.close();
      await screenCache.close();
      if (!opts.keepDatabaseOpen) await database.close();
    },
  };
}
