/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: a fresh data directory in a temp folder,
 * listening on 127.0.0.1 at a free port, fsync off. PostgreSQL refuses to run as root, so when we are
 * root the cluster belongs to the `postgres` user and every binary runs through `runuser`.
 *
 * CLI (for CI scripts):
 *   node tests/support/throwaway-postgres.ts start   → prints TEST_DATABASE_URL=… and TEST_POSTGRES_DIR=…
 *   node tests/support/throwaway-postgres.ts stop <dir>
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const DEFAULT_POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** temp folder holding the cluster; pass it to `stopThrowawayPostgres` */
  dir: string;
  port: number;
  stop(): Promise<void>;
}

/** The folder holding `initdb`/`pg_ctl`, or undefined when PostgreSQL is not installed. */
export function findPostgresBinDir(binDir = process.env.POSTGRES_BIN_DIR ?? DEFAULT_POSTGRES_BIN_DIR) {
  return existsSync(join(binDir, 'initdb')) && existsSync(join(binDir, 'pg_ctl')) ? binDir : undefined;
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root, as ourselves otherwise. */
async function runAsOwner(binary: string, args: string[]): Promise<string> {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  const { stdout } = await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates and starts a cluster. Rejects (after cleaning up) when PostgreSQL is missing or fails to start.
 *
 * @example
 * const pg = await startThrowawayPostgres();
 * try { useUrl(pg.url); } finally { await pg.stop(); }
 */
export async function startThrowawayPostgres(
  opts: {
    binDir?: string;
    maxConnections?: number /** fsync and synchronous commit on (durability benchmarks) */;
    durable?: boolean;
  } = {},
): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir(opts.binDir);
  if (!binDir)
    throw new Error(`PostgreSQL binaries not found (looked in ${opts.binDir ?? DEFAULT_POSTGRES_BIN_DIR})`);
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = join(dir, 'data');
  try {
    await runAsOwner(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        '-h 127.0.0.1',
        `-k ${dir}`,
        ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        `-c max_connections=${opts.maxConnections ?? 300}`,
      ].join(' ');
      try {
        await runAsOwner(join(binDir, 'pg_ctl'), [
          '-D',
          dataDir,
          '-l',
          join(dir, 'postgres.log'),
          '-w',
          '-t',
          '60',
          '-o',
          serverOptions,
          'start',
        ]);
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        return { url, dir, port, stop: () => stopThrowawayPostgres(dir, binDir) };
      } catch (error) {
        lastError = error; // most likely the port was taken between probing and binding
      }
    }
    throw lastError;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Same as `stopThrowawayPostgres`, synchronously: for `process.on('exit')`. */
export function stopThrowawayPostgresSync(dir: string, binDir = findPostgresBinDir()): void {
  const dataDir = join(dir, 'data');
  if (binDir && existsSync(join(dataDir, 'postmaster.pid'))) {
    const args = [join(binDir, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    const [file, argv] = isRoot()
      ? ['runuser', ['-u', 'postgres', '--', ...args]]
      : [args[0]!, args.slice(1)];
    spawnSync(file, argv, { stdio: 'ignore' });
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Stops the cluster when this process exits or is interrupted, even if the normal teardown never
 * runs (Ctrl-C during a test run). Returns a function that cancels it.
 */
export function stopOnExit(cluster: ThrowawayPostgres): () => void {
  const onExit = () => stopThrowawayPostgresSync(cluster.dir);
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    // With no other handler left, behave as if we had none: die of the signal.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** Stops the cluster in `dir` (immediate shutdown) and deletes the folder. Safe to call twice. */
export async function stopThrowawayPostgres(dir: string, binDir = findPostgresBinDir()): Promise<void> {
  const dataDir = join(dir, 'data');
  if (binDir && existsSync(join(dataDir, 'postmaster.pid'))) {
    await runAsOwner(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(
      () => {},
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main(argv: string[]): Promise<void> {
  const [command, dir] = argv;
  if (command === 'start') {
    const pg = await startThrowawayPostgres();
    process.stdout.write(`TEST_DATABASE_URL=${pg.url}\nTEST_POSTGRES_DIR=${pg.dir}\n`);
  } else if (command === 'stop' && dir) {
    await stopThrowawayPostgres(dir);
  } else {
    process.stderr.write('usage: node tests/support/throwaway-postgres.ts start | stop <dir>\n');
    process.exitCode = 2;
  }
}

if (import.meta.main) {
  await main(process.argv.slice(2));
}
