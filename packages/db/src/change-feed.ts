/**
 * The read model's change feed. Every listing change writes a `listing.changed` outbox row in its
 * transaction (the durable record, its id is the feed position) and, on PostgreSQL, a trigger
 * sends `NOTIFY portal_read_model` at commit. Followers react to the notification at once and
 * poll from their last position as well, so a lost notification costs at most one poll interval.
 */
import { asc, eq, gt, max } from 'drizzle-orm';
import type { Database, DatabaseHandle, ReservedSession } from './client.ts';
import { outbox } from './schema/index.ts';

export const CHANGE_FEED_CHANNEL = 'portal_read_model';
export const CHANGE_FEED_TOPIC = 'listing.changed';

export interface FeedChange {
  /** outbox id: the feed position */
  position: number;
  /** the listing, or undefined for outbox rows of other topics (they only fill the sequence) */
  listingId: string | undefined;
}

/** The newest feed position (0 on an empty feed). */
export async function latestFeedPosition(db: Database): Promise<number> {
  const [row] = await db
    .select({ p: max(outbox.id) })
    .from(outbox)
    .where(eq(outbox.topic, CHANGE_FEED_TOPIC));
  return Number(row?.p ?? 0);
}

/**
 * Outbox rows after `position`, oldest first, all topics: a follower needs every committed id to
 * tell a hole left by a transaction still running (its row may appear later) from a row of another topic.
 */
export async function readFeedSince(db: Database, position: number, limit = 5000): Promise<FeedChange[]> {
  const rows = await db
    .select({ id: outbox.id, topic: outbox.topic, key: outbox.key })
    .from(outbox)
    .where(gt(outbox.id, position))
    .orderBy(asc(outbox.id))
    .limit(limit);
  return rows.map((r) => ({ position: r.id, listingId: r.topic === CHANGE_FEED_TOPIC ? r.key : undefined }));
}

export interface Leadership {
  /** Resolves after the first attempt to take the lock. */
  ready: Promise<void>;
  /** True while this process holds the lock (always true on PGlite: one process by design). */
  isLeader(): boolean;
  stop(): Promise<void>;
}

/**
 * Holds a session-level advisory lock so that exactly one process does the work where a single
 * writer matters (the outbox publisher, the expiry job). A follower retries every `retryMs`; a
 * leader checks its connection as often and steps down when it is lost (the lock went with it).
 */
export function holdLeadership(
  handle: Pick<DatabaseHandle, 'reserve' | 'kind'>,
  lockKey: number,
  opts: { retryMs?: number; onChange?: (leader: boolean) => void } = {},
): Leadership {
  if (!handle.reserve) return { ready: Promise.resolve(), isLeader: () => true, stop: async () => {} };
  const reserve = handle.reserve;
  const retryMs = opts.retryMs ?? 2000;
  let session: ReservedSession | undefined;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const setLeader = (value: boolean) => {
    if (leader === value) return;
    leader = value;
    opts.onChange?.(value);
  };

  async function attempt() {
    try {
      if (!session) session = await reserve();
      if (leader) {
        await session.query('select 1');
        return;
      }
      const [row] = await session.query('select pg_try_advisory_lock($1) as ok', [lockKey]);
      setLeader(row?.ok === true);
    } catch {
      // the connection (and with it the lock) is gone: step down, reconnect on the next try
      session?.release();
      session = undefined;
      setLeader(false);
    }
  }

  function loop(): Promise<void> {
    if (stopped) return Promise.resolve();
    running = attempt().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(loop, retryMs);
    });
    return running;
  }
  const ready = loop();
  return {
    ready,
    isLeader: () => leader,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
      if (session) {
        if (leader) await session.query('select pg_advisory_unlock($1)', [lockKey]).catch(() => {});
        session.release();
        session = undefined;
      }
      setLeader(false);
    },
  };
}
