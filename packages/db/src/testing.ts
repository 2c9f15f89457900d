/**
 * Test helpers (`@portal/db/testing`): run a suite on every available backend, each test on a fresh,
 * isolated database. PGlite (in memory) always; PostgreSQL when the vitest globalSetup (or the
 * environment) provides `TEST_DATABASE_URL` — then every database is created with a random name on
 * that server and dropped afterwards, so test files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import { createDatabase, type Database, type DatabaseHandle, type DatabaseKind } from './client.ts';
import { openPgliteFromTemplate } from './pglite-template.ts';
import * as schema from './schema/index.ts';

declare module 'vitest' {
  interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

export interface TestBackend {
  kind: DatabaseKind;
  /** a fresh database with migrations applied; `close()` also drops it */
  open(): Promise<DatabaseHandle>;
}

/** URL of the PostgreSQL server tests may use, or undefined when there is none. */
export function testDatabaseUrl(): string | undefined {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return fromEnv;
  try {
    return inject('testDatabaseUrl') || undefined;
  } catch {
    return undefined; // outside a vitest worker
  }
}

let admin: { url: string; sql: postgres.Sql } | undefined;

function adminSql(serverUrl: string): postgres.Sql {
  if (admin?.url !== serverUrl) {
    admin = { url: serverUrl, sql: postgres(serverUrl, { max: 1, idle_timeout: 2, onnotice: () => {} }) };
  }
  return admin.sql;
}

/** Opens a fresh database named `t_<random>` on the server at `serverUrl`; closing drops it. */
export async function openPostgresTestDatabase(
  serverUrl: string,
): Promise<DatabaseHandle & { databaseName: string }> {
  const name = `t_${randomBytes(8).toString('hex')}`;
  const sql = adminSql(serverUrl);
  await sql.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString(), maxConnections: 3 });
  return {
    ...handle,
    databaseName: name,
    close: async () => {
      await handle.close();
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** A database with no migration applied, for tests that build the state an older release left. */
export interface UnmigratedDatabase {
  db: Database;
  /** PostgreSQL: the URL of this database (for a runtime to open it) */
  url?: string;
  /** closes the connection, keeping the database */
  close(): Promise<void>;
  /** PostgreSQL: drops the database (after `close`) */
  drop(): Promise<void>;
}

/**
 * Opens an empty database without applying migrations (`applyMigrations(db, {}, upTo)` then builds
 * an older schema): PGlite in `dataDir` (in memory without), or a fresh database on `serverUrl`.
 */
export async function openUnmigrated(
  where: { dataDir?: string } | { serverUrl: string },
): Promise<UnmigratedDatabase> {
  if ('serverUrl' in where) {
    const name = `t_${randomBytes(8).toString('hex')}`;
    const sql = adminSql(where.serverUrl);
    await sql.unsafe(`create database "${name}"`);
    const url = new URL(where.serverUrl);
    url.pathname = `/${name}`;
    const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      url: url.toString(),
      close: () => client.end({ timeout: 5 }),
      drop: async () => {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      },
    };
  }
  const client = await PGlite.create(where.dataDir ? { dataDir: where.dataDir } : {});
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    close: () => client.close(),
    drop: async () => {},
  };
}

/** The backends this run can use: PGlite always, PostgreSQL when a server is available. */
export function backends(): TestBackend[] {
  const list: TestBackend[] = [{ kind: 'pglite', open: openPgliteFromTemplate }];
  const url = testDatabaseUrl();
  if (url) list.push({ kind: 'postgres', open: () => openPostgresTestDatabase(url) });
  return list;
}

export interface BackendContext {
  kind: DatabaseKind;
  /** the current test's database (throws outside a test) */
  readonly db: Database;
  readonly handle: DatabaseHandle;
}

export interface ForEachBackendOptions {
  /** 'test' (default): a fresh database per test; 'file': one per describe block, shared by its tests */
  fresh?: 'test' | 'file';
}

/**
 * Declares `name [pglite]` and `name [postgres]` describe blocks; `fn` registers the tests once per
 * backend. Without a PostgreSQL server the postgres block is reported as skipped.
 *
 * @example
 * forEachBackend('outbox', (t) => {
 *   test('claims pending rows in id order', async () => { await enqueue(t.db, …); });
 * });
 */
export function forEachBackend(
  name: string,
  fn: (t: BackendContext) => void,
  options: ForEachBackendOptions = {},
): void {
  const available = backends();
  for (const kind of ['pglite', 'postgres'] as const) {
    const backend = available.find((b) => b.kind === kind);
    if (!backend) {
      describe.skip(`${name} [${kind}: no TEST_DATABASE_URL]`, () => fn(unavailable(kind)));
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      let current: DatabaseHandle | undefined;
      const open = async () => {
        current = await backend.open();
      };
      const close = async () => {
        await current?.close();
        current = undefined;
      };
      if (options.fresh === 'file') {
        beforeAll(open);
        afterAll(close);
      } else {
        beforeEach(open);
        afterEach(close);
      }
      fn({
        kind,
        get handle() {
          if (!current) throw new Error(`no open ${kind} test database (use t.db inside a test)`);
          return current;
        },
        get db() {
          return this.handle.db;
        },
      });
    });
  }
}

function unavailable(kind: DatabaseKind): BackendContext {
  return {
    kind,
    get handle(): DatabaseHandle {
      throw new Error(`${kind} is not available in this run`);
    },
    get db(): Database {
      throw new Error(`${kind} is not available in this run`);
    },
  };
}
