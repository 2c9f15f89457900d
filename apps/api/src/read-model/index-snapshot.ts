import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CHANGE_FEED_TOPIC, type Database, readFeedSince } from '@portal/db';
import { outbox } from '@portal/db/schema';
import {
  type EmbeddedSearchIndex,
  readSnapshotHeader,
  type SearchIndex,
  SnapshotError,
  type SnapshotMeta,
  writeSnapshotFile,
} from '@portal/search';
import { eq, max, min, sql } from 'drizzle-orm';
import type { Logger } from '../logger.ts';
import { syncListingsToIndex } from './index-sync.ts';

/** The embedded index's snapshot in DATA_DIR (issue 8: start from it instead of a full rebuild). */
export const SNAPSHOT_FILE = 'search-index.snapshot';

export function snapshotPath(dataDir: string): string {
  return join(dataDir, SNAPSHOT_FILE);
}

/**
 * Which database a snapshot was taken from: the cluster's system identifier and the database's
 * oid. A DATA_DIR pointed at another database (or a restored one) must not reuse the index.
 */
export async function sourceIdentity(db: Database): Promise<string> {
  const result = await db.execute(
    sql`select (select system_identifier::text from pg_control_system()) as cluster,
               (select oid::text from pg_database where datname = current_database()) as db`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    cluster: string | null;
    db: string | null;
  }[];
  const row = rows[0];
  return `pg:${row?.cluster ?? '?'}/${row?.db ?? '?'}`;
}

/** A fingerprint of the identifier hash key: keys hashed with another secret would never match. */
export function hasherFingerprint(hashIdentifier: (v: string) => string): string {
  return hashIdentifier('search-index-snapshot-fingerprint').slice(0, 16);
}

export type SnapshotLoad =
  | { loaded: true; position: number; live: number; ms: number }
  | { loaded: false; reason: string };

/**
 * Loads the snapshot into `index` when it can be trusted: present, a snapshot of this format, of
 * this database and identifier key, not ahead of the change feed, and not older than what the feed
 * still holds (the changes since its position must all be readable), and intact (CRC-32). Any
 * other case answers why, and the caller rebuilds from the database.
 */
export async function loadIndexSnapshot(opts: {
  index: EmbeddedSearchIndex;
  path: string;
  db: Database;
  expected: Omit<SnapshotMeta, 'position'>;
}): Promise<SnapshotLoad> {
  const started = performance.now();
  let size: number;
  try {
    size = statSync(opts.path).size;
  } catch {
    return { loaded: false, reason: 'no snapshot' };
  }
  try {
    const header = readSnapshotHeader(opts.path);
    if (header.source !== opts.expected.source)
      return { loaded: false, reason: 'snapshot of another database' };
    if (header.hasher !== opts.expected.hasher)
      return { loaded: false, reason: 'snapshot made with another identifier key' };
    const [feed] = await opts.db.select({ oldest: min(outbox.id), newest: max(outbox.id) }).from(outbox);
    const oldest = Number(feed?.oldest ?? 0);
    const newest = Number(feed?.newest ?? 0);
    if (header.position > newest) return { loaded: false, reason: 'snapshot ahead of the change feed' };
    if (oldest > header.position + 1)
      return { loaded: false, reason: 'snapshot older than the change feed retention' };
    opts.index.loadSnapshot(opts.path, size);
    return { loaded: true, position: header.position, live: header.live, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof SnapshotError) return { loaded: false, reason: error.message };
    throw error;
  }
}

/**
 * Applies every change recorded after `from` (all pages of the feed) to the index: each listing is
 * re-read and made to match the database, so a listing removed while the process was down leaves.
 * Returns the newest position read and how many listings were re-synced.
 */
export async function catchUpFromFeed(
  db: Database,
  index: SearchIndex,
  hashIdentifier: (v: string) => string,
  from: number,
  today: string,
): Promise<{ position: number; listings: number }> {
  let position = from;
  const ids = new Set<string>();
  for (;;) {
    const changes = await readFeedSince(db, position);
    if (changes.length === 0) break;
    for (const c of changes) if (c.listingId) ids.add(c.listingId);
    position = changes[changes.length - 1]!.position;
  }
  const all = [...ids];
  for (let i = 0; i < all.length; i += 1000)
    await syncListingsToIndex(db, index, hashIdentifier, all.slice(i, i + 1000), today);
  return { position, listings: all.length };
}

export interface SnapshotWriter {
  /** Writes a snapshot now unless nothing changed since the last one (resolves when on disk). */
  write(reason: string): Promise<void>;
  /** Stops the timer and writes a last snapshot when something changed. */
  stop(): Promise<void>;
}

/**
 * Writes the index's snapshot in the background: on request, every `intervalMs` when the index
 * changed, and at shutdown. One write at a time; the copy is taken synchronously (between two
 * writes to the index) right after `position()` resolves, so the file never claims a position
 * whose changes it lacks; encoding and writing then yield to requests between chunks.
 */
export function startSnapshotWriter(opts: {
  index: EmbeddedSearchIndex;
  path: string;
  meta: Omit<SnapshotMeta, 'position'>;
  /** feed position up to which every change is in the index, read just before the copy */
  position: () => Promise<number>;
  /** increases on every change to the index (nothing new → no write) */
  changes: () => number;
  /** the file on disk already holds the index as it is now (loaded from it, nothing changed) */
  upToDate?: boolean;
  logger: Logger;
  intervalMs?: number;
}): SnapshotWriter {
  let writtenAt = opts.upToDate ? opts.changes() : -1;
  removeStaleTemporaries(opts.path);
  let running: Promise<void> | undefined;
  let stopped = false;

  async function writeOnce(reason: string): Promise<void> {
    const changes = opts.changes();
    if (changes === writtenAt) return;
    const position = await opts.position();
    const started = performance.now();
    const captured = opts.index.captureSnapshot({ ...opts.meta, position });
    const copyMs = performance.now() - started;
    const bytes = await writeSnapshotFile(captured, opts.path);
    writtenAt = changes;
    opts.logger.info(
      {
        reason,
        position,
        live: captured.header.live,
        mb: Math.round(bytes / 1e6),
        copyMs: Math.round(copyMs),
        ms: Math.round(performance.now() - started),
      },
      'search index snapshot written',
    );
  }

  function write(reason: string): Promise<void> {
    const previous = running ?? Promise.resolve();
    const next = previous
      .then(() => writeOnce(reason))
      .catch((err) => opts.logger.warn({ err }, 'search index snapshot failed'));
    running = next.finally(() => {
      if (running === next) running = undefined;
    });
    return next;
  }

  const timer = setInterval(
    () => {
      if (!stopped) void write('periodic');
    },
    opts.intervalMs ?? 10 * 60_000,
  );
  timer.unref();
  return {
    write,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await write('shutdown');
    },
  };
}

/** Temporary files of writes a killed process never finished (`writeSnapshotFile` names them). */
function removeStaleTemporaries(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  try {
    for (const name of readdirSync(dir))
      if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  } catch {
    // no directory yet: nothing to remove
  }
}

/**
 * Feed position up to which a single-process database (PGlite, no follower) is in the index: the
 * publisher applies a change before it marks the row done, so everything below the oldest
 * unfinished listing change is applied (the position only has to be no later than the truth:
 * catching up re-applies what the index already has, harmlessly).
 */
export async function appliedFeedPosition(db: Database): Promise<number> {
  const [row] = await db
    .select({
      pending: sql<number | null>`min(${outbox.id}) filter (where ${outbox.doneAt} is null)`,
      newest: max(outbox.id),
    })
    .from(outbox)
    .where(eq(outbox.topic, CHANGE_FEED_TOPIC));
  if (row?.pending !== null && row?.pending !== undefined) return Number(row.pending) - 1;
  return Number(row?.newest ?? 0);
}
