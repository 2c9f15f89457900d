/**
 * One entry point to the system of record: PostgreSQL (`postgres` driver) when a URL is given, PGlite
 * (embedded, single process) otherwise. Migrations from `../drizzle` are applied on open, the same
 * files on both engines.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createPgliteClusterInChild, hasPgliteCluster } from './pglite-first-create.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;

/** A drizzle database over our schema, whichever engine is underneath. Transactions are one too. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The `tx` handed to `db.transaction(async (tx) => …)`. */
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
  /**
   * PostgreSQL only: `LISTEN channel` on a dedicated connection that is re-established after a
   * drop; `onListen` runs each time it is (re)established, so a follower can catch up on what it
   * missed meanwhile. Resolves with the function that stops listening.
   */
  listen?(
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ): Promise<() => Promise<void>>;
  /** PostgreSQL only: one connection of its own, for session state such as advisory locks. */
  reserve?(): Promise<ReservedSession>;
  /**
   * PostgreSQL only: runs a `COPY … TO STDOUT` statement and streams its output (bulk reads, see
   * published-records-copy.ts). Reading pauses the connection when the consumer lags behind.
   */
  copyOut?(statement: string): Promise<AsyncIterable<Buffer>>;
}

/** A connection taken out of the pool until `release()`. */
export interface ReservedSession {
  query(text: string, params?: (string | number)[]): Promise<Record<string, unknown>[]>;
  release(): void;
}

export interface CreateDatabaseOptions {
  /** PostgreSQL connection URL; wins over the other options */
  databaseUrl?: string;
  /** PGlite data folder (created if missing) */
  dataDir?: string;
  /** PGlite in memory (tests); also the fallback when neither URL nor folder is given */
  memory?: boolean;
  /** PostgreSQL pool size (default 5) */
  maxConnections?: number;
  /** steps the application runs between migrations (see `MigrationHooks`) */
  hooks?: MigrationHooks;
  /** create a missing PGlite cluster in this process instead of a child (the child itself) */
  inProcessCreate?: boolean;
}

/**
 * Steps SQL cannot do, run between migrations. `beforeClearIdNumberDrop` runs just before
 * migration 0009 drops the clear `id_number` column, on a database migrated up to 0008: it must
 * encrypt and clear every clear value (the keys are not in the database). Without it, 0009 refuses
 * to drop a column that still holds clear values (the migration fails, nothing is lost).
 */
export interface MigrationHooks {
  beforeClearIdNumberDrop?: (db: Database) => Promise<void>;
}

/** `when` of migration 0009 (drops the clear `id_number` column) in drizzle/meta/_journal.json. */
export const CLEAR_ID_NUMBER_DROP_MILLIS = 1796000000009;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens the database and applies pending migrations.
 *
 * @example
 * const { db, kind, close } = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '.data/pg' });
 */
export async function createDatabase(opts: CreateDatabaseOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.maxConnections ?? 5, opts.hooks);
  if (opts.memory || !opts.dataDir) return openPglite(undefined, opts.hooks);
  if (!opts.inProcessCreate && !hasPgliteCluster(opts.dataDir)) {
    // a fresh cluster holds no clear ID numbers: the child migrates it without the hook
    mkdirSync(dirname(opts.dataDir), { recursive: true });
    await createPgliteClusterInChild(opts.dataDir);
  }
  return openPglite(opts.dataDir, opts.hooks);
}

/**
 * Applies the pending migrations (as drizzle's `migrate` does), pausing before 0009 for
 * `hooks.beforeClearIdNumberDrop` when one is given. `upTo` (tests) stops after the migration
 * with that `when`, to build a database as an older release left it.
 */
export async function applyMigrations(
  db: Database,
  hooks: MigrationHooks = {},
  upTo?: number,
): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  const all = readMigrationFiles(config).filter((m) => upTo === undefined || m.folderMillis <= upTo);
  const dialect = new PgDialect();
  // what drizzle's `migrate` passes; the session's schema generics do not matter to the migrator
  const session = db._.session as unknown as Parameters<PgDialect['migrate']>[1];
  const beforeDrop = all.filter((m) => m.folderMillis < CLEAR_ID_NUMBER_DROP_MILLIS);
  if (hooks.beforeClearIdNumberDrop && beforeDrop.length < all.length) {
    await dialect.migrate(beforeDrop, session, config);
    await hooks.beforeClearIdNumberDrop(db);
  }
  await dialect.migrate(all, session, config);
}

async function openPostgres(
  url: string,
  max: number,
  hooks: MigrationHooks | undefined,
): Promise<DatabaseHandle> {
  const client = postgres(url, { max, onnotice: () => {} });
  try {
    const db = drizzlePostgres(client, { schema });
    await applyMigrations(db, hooks);
    return {
      db,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
      async listen(channel, onNotify, onListen) {
        const request = await client.listen(channel, onNotify, onListen);
        return () => request.unlisten();
      },
      copyOut: async (statement) => client.unsafe(statement).readable(),
      async reserve() {
        const reserved = await client.reserve();
        return {
          query: async (text, params = []) => [...(await reserved.unsafe(text, params))],
          release: () => reserved.release(),
        };
      },
    };
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
}

/**
 * PGlite's WebAssembly memory never shrinks, and PostgreSQL's defaults (128 MB shared buffers)
 * are sized for a dedicated server: an embedded single-process portal with the demo data needs a
 * fraction (measured in tests/bench/memory-at-rest.bench.ts).
 */
export const PGLITE_SETTINGS = ['shared_buffers=16MB', 'wal_buffers=1MB', 'maintenance_work_mem=16MB'];

async function openPglite(
  dataDir: string | undefined,
  hooks: MigrationHooks | undefined,
): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return usePglite(
    await PGlite.create({ ...(dataDir ? { dataDir } : {}), postgresqlconf: PGLITE_SETTINGS }),
    hooks,
  );
}

/** Wraps an already created PGlite (e.g. loaded from a dump), applies migrations; closing closes it. */
export async function usePglite(client: PGlite, hooks?: MigrationHooks): Promise<DatabaseHandle> {
  try {
    const db = drizzlePglite(client, { schema });
    await applyMigrations(db, hooks);
    return { db, kind: 'pglite', close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
