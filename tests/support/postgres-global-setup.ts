/**
 * vitest globalSetup: makes a real PostgreSQL available to every test worker.
 *
 * - `TEST_DATABASE_URL` already set (CI, a developer's server): use it as is.
 * - else PostgreSQL binaries installed: start a throwaway cluster, tear it down after the run.
 * - else: print a notice; tests then run on PGlite only.
 *
 * Workers read the URL through `inject('testDatabaseUrl')` (empty string = none) or, as forks inherit
 * the environment, `process.env.TEST_DATABASE_URL`. Both vitest projects share one cluster.
 */
import type { TestProject } from 'vitest/node';
import {
  findPostgresBinDir,
  startThrowawayPostgres,
  stopOnExit,
  type ThrowawayPostgres,
} from './throwaway-postgres.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** URL of a PostgreSQL server where tests may create databases; '' when there is none */
    testDatabaseUrl: string;
  }
}

interface SharedCluster {
  users: number;
  cluster?: ThrowawayPostgres;
  starting?: Promise<string>;
  cancelExitHook?: () => void;
}

// Shared across the projects' separate module instances of this file in the main process.
const globalKey = Symbol.for('portal.test-postgres');
const store = globalThis as unknown as Record<symbol, SharedCluster | undefined>;

async function acquireUrl(shared: SharedCluster): Promise<string> {
  const given = process.env.TEST_DATABASE_URL;
  if (given && !shared.cluster) return given;
  if (!findPostgresBinDir()) {
    console.warn(
      '\n[postgres] NOTICE: no TEST_DATABASE_URL and no PostgreSQL binaries found; ' +
        'real-PostgreSQL tests are SKIPPED (PGlite tests still run).\n',
    );
    return '';
  }
  shared.starting ??= startThrowawayPostgres().then((cluster) => {
    shared.cluster = cluster;
    shared.cancelExitHook = stopOnExit(cluster);
    process.env.TEST_DATABASE_URL = cluster.url;
    return cluster.url;
  });
  return shared.starting;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  store[globalKey] ??= { users: 0 };
  const shared = store[globalKey];
  shared.users++;
  const url = await acquireUrl(shared);
  project.provide('testDatabaseUrl', url);
  return async () => {
    shared.users--;
    if (shared.users === 0 && shared.cluster) {
      const { cluster } = shared;
      shared.cluster = undefined;
      shared.starting = undefined;
      shared.cancelExitHook?.();
      delete process.env.TEST_DATABASE_URL;
      await cluster.stop();
    }
  };
}
