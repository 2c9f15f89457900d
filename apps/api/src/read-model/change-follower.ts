import { CHANGE_FEED_CHANNEL, type Database, type DatabaseHandle, readFeedSince } from '@portal/db';
import type { Logger } from '../logger.ts';

/** Payload the active publisher sends after it updated a shared engine (positions are numbers). */
export const FEED_APPLIED = 'applied';

export interface ChangeFollowerOptions {
  db: Database;
  /** PostgreSQL's LISTEN (absent on PGlite: the follower then only polls) */
  listen?: DatabaseHandle['listen'];
  /** feed position already reflected in this process (read before the start-up reconcile) */
  from: number;
  /** Applies changed listings to this process's read model and drops its caches. */
  apply(listingIds: string[]): Promise<void>;
  /**
   * A shared engine (Meilisearch) was updated by the active publisher (`NOTIFY … 'applied'`):
   * caches filled between the commit and that update must go.
   */
  onApplied?: () => void;
  logger: Logger;
  /** catch-up poll: the longest a lost notification delays a change (default 1 s) */
  pollMs?: number;
  /** how long a hole in the outbox ids may be a transaction still running (default 10 s) */
  gapWaitMs?: number;
}

export interface ChangeFollower {
  /** every change at or below this position has been applied */
  position(): number;
  /** Reads and applies what is new now (notifications and the poll call it). */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the change feed so this process's embedded index and caches match every change made
 * through any process. A NOTIFY wakes it at commit; the poll catches up after a lost notification
 * or a dropped LISTEN connection. Applying re-reads each listing's current state, so a change seen
 * twice is harmless; outbox ids can commit out of order, so a hole is re-read until it fills or
 * `gapWaitMs` shows it was a rolled-back id.
 */
export async function startChangeFollower(opts: ChangeFollowerOptions): Promise<ChangeFollower> {
  const pollMs = opts.pollMs ?? 1000;
  const gapWaitMs = opts.gapWaitMs ?? 10_000;
  let position = opts.from;
  const appliedAhead = new Set<number>();
  const holes = new Map<number, number>();
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function pass() {
    const changes = await readFeedSince(opts.db, position);
    if (changes.length === 0) return;
    const fresh = changes.filter((c) => !appliedAhead.has(c.position));
    const ids = [...new Set(fresh.flatMap((c) => (c.listingId ? [c.listingId] : [])))];
    if (ids.length > 0) await opts.apply(ids);
    for (const c of fresh) appliedAhead.add(c.position);
    const now = Date.now();
    const newest = changes[changes.length - 1]!.position;
    let p = position;
    while (p < newest) {
      const next = p + 1;
      if (appliedAhead.delete(next)) {
        holes.delete(next);
        p = next;
        continue;
      }
      const since = holes.get(next) ?? now;
      holes.set(next, since);
      if (now - since < gapWaitMs) break;
      holes.delete(next); // never committed: a rolled-back transaction used this id
      p = next;
    }
    position = p;
  }

  function catchUp(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((err) => opts.logger.warn({ err }, 'change feed catch-up failed; will retry'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void catchUp();
        }
      });
    return running;
  }

  const unlisten = opts.listen
    ? await opts.listen(
        CHANGE_FEED_CHANNEL,
        (payload) => (payload === FEED_APPLIED ? opts.onApplied?.() : void catchUp()),
        () => void catchUp(), // (re)connected: pick up whatever was missed meanwhile
      )
    : undefined;
  const timer = setInterval(() => void catchUp(), pollMs);
  timer.unref();
  return {
    position: () => position,
    catchUp,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlisten?.().catch(() => {});
      if (running) await running;
    },
  };
}
