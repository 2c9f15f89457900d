import type { Database } from '@portal/db';
import { claimBatch, markDone, markFailed } from '@portal/db';
import type { SearchIndex } from '@portal/search';
import type { Logger } from '../logger.ts';
import { syncListingsToIndex } from './index-sync.ts';

export const LISTING_CHANGED = 'listing.changed';

export interface PublisherOptions {
  db: Database;
  search: SearchIndex;
  hashIdentifier: (value: string) => string;
  logger: Logger;
  /** Called after a batch changed the index (site rebuild, screen cache invalidation). */
  onIndexChanged?: (ids: string[]) => void;
  pollMs?: number;
  batchSize?: number;
  /** The date the visibility rule is checked against (China time; injected by tests). */
  today?: () => string;
  /** False while another process holds the publisher lock (then this one stays idle). */
  isActive?: () => boolean;
}

export interface Publisher {
  /** Run at once instead of waiting for the next poll (called after a commit). */
  wake(): void;
  /** One pass; resolves with how many outbox rows it finished. For tests and shutdown. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Exponential backoff with a ceiling, so a dead search engine is not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000, 250 * 2 ** Math.min(attempts, 8));
}

/**
 * Outbox worker: applies `listing.changed` rows to the search index. Each row only names a
 * listing; the worker reads the listing's CURRENT state and makes the index match it, so rows
 * can be replayed, duplicated or reordered and the index still converges (idempotent).
 */
export function startPublisher(opts: PublisherOptions): Publisher {
  const pollMs = opts.pollMs ?? 500;
  const batchSize = opts.batchSize ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;
  let wakeRequested = false;

  async function passOnce(): Promise<number> {
    if (opts.isActive && !opts.isActive()) return 0;
    const rows = await claimBatch(opts.db, { limit: batchSize, lockMs: 30_000 });
    if (rows.length === 0) return 0;
    const ids = [...new Set(rows.map((r) => r.key))];
    try {
      await syncListingsToIndex(opts.db, opts.search, opts.hashIdentifier, ids, opts.today?.());
      await markDone(
        opts.db,
        rows.map((r) => r.id),
      );
      opts.onIndexChanged?.(ids);
      return rows.length;
    } catch (error) {
      opts.logger.warn({ err: error, count: rows.length }, 'publisher pass failed; will retry');
      for (const row of rows) await markFailed(opts.db, row.id, String(error), backoffMs(row.attempts + 1));
      return 0;
    }
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await passOnce();
      total += n;
      if (n < batchSize) return total;
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }

  function tick() {
    if (running) {
      wakeRequested = true;
      return;
    }
    running = drain()
      .catch((error) => {
        opts.logger.error({ err: error }, 'publisher failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (wakeRequested) {
          wakeRequested = false;
          schedule(0);
        } else schedule(pollMs);
      });
  }

  schedule(0);
  return {
    wake: () => schedule(0),
    drain: async () => {
      if (running) await running;
      return drain();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
  };
}
