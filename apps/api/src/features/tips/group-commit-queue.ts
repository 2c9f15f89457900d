/**
 * Group commit: work items that arrive together are handed to `flush` as one batch (one
 * transaction, one fsync for all of them), and each caller's promise settles with its own result
 * only after `flush` has answered for the whole batch. A batch leaves when it is full, after
 * `lingerMs` (or the event loop's turn) when the queue was idle, or as soon as the previous batch is done (the requests that
 * arrived while a transaction was committing have already waited long enough).
 */
export interface GroupCommitOptions<T, R> {
  /** answers one result per item, in the items' order; a rejection fails every item of the batch */
  flush(items: T[]): Promise<R[]>;
  /** most items per batch */
  maxBatch: number;
  /**
   * how long an idle queue waits for company before a lone item leaves: milliseconds, or 'idle'
   * for "until the event loop has handled what already arrived" (setImmediate: requests read in
   * the same turn leave together, and a lone one leaves at once)
   */
  lingerMs: number | 'idle';
  /** batches allowed in flight at once (1: each forms while the previous one commits) */
  maxInFlight: number;
}

export interface GroupCommitQueue<T, R> {
  submit(item: T): Promise<R>;
}

interface Waiter<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function createGroupCommitQueue<T, R>(opts: GroupCommitOptions<T, R>): GroupCommitQueue<T, R> {
  const waiting: Waiter<T, R>[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;

  function flushNext(): void {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (immediate) {
      clearImmediate(immediate);
      immediate = undefined;
    }
    const batch = waiting.splice(0, opts.maxBatch);
    if (batch.length === 0) return;
    inFlight++;
    opts
      .flush(batch.map((w) => w.item))
      .then(
        (results) => {
          for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        inFlight--;
        if (waiting.length > 0) flushNext();
      });
  }

  function schedule(): void {
    if (inFlight >= opts.maxInFlight) return; // the batch in flight flushes the queue when it is done
    if (waiting.length >= opts.maxBatch || opts.lingerMs === 0) flushNext();
    else if (opts.lingerMs === 'idle') immediate ??= setImmediate(flushNext);
    else timer ??= setTimeout(flushNext, opts.lingerMs);
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
