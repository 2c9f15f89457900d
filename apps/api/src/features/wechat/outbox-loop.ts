import type { Logger } from '../../logger.ts';

/** A background worker over an outbox table: woken after a commit, polling otherwise. */
export interface OutboxWorker {
  wake(): void;
  /** handles everything due now (tests) */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The loop the WeChat outboxes share: claim due rows (with a lease, see the callers), handle each,
 * until none is due; then wait `pollMs` or a `wake()`. One pass at a time per process; a failed
 * pass is logged and the next poll tries again (rows stay due, nothing is lost).
 */
export function startOutboxLoop<Row>(opts: {
  name: string;
  claim: () => Promise<Row[]>;
  handle: (row: Row) => Promise<void>;
  logger: Logger;
  pollMs?: number;
}): OutboxWorker {
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await opts.claim();
      if (rows.length === 0) return handled;
      for (const row of rows) {
        handled++;
        await opts.handle(row);
      }
    }
  }
  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  }
  function tick() {
    if (running) return;
    running = drain()
      .catch((err) => {
        opts.logger.warn({ err }, `${opts.name} failed`);
        return 0;
      })
      .finally(() => {
        running = null;
        schedule(opts.pollMs ?? 5_000);
      });
  }
  schedule(0);
  return {
    wake: () => schedule(0),
    drain: async () => {
      if (running) await running;
      const n = await drain();
      // a woken pass may have claimed rows meanwhile: wait for it too
      if (running) await running;
      return n;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
  };
}
