import { describe, expect, it } from 'vitest';
import { createGroupCommitQueue } from './group-commit-queue.ts';

/** A flush that records its batches and waits until the test lets each one finish. */
function gatedFlush() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  return {
    batches,
    release: () => gates.shift()?.(),
    flush: (items: number[]) => {
      batches.push(items);
      return new Promise<string[]>((resolve) => gates.push(() => resolve(items.map((n) => `stored ${n}`))));
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('group commit queue', () => {
  it('gathers the items that arrive while a batch commits into the next batch, each answered with its own result', async () => {
    const f = gatedFlush();
    const queue = createGroupCommitQueue({ flush: f.flush, maxBatch: 10, lingerMs: 1, maxInFlight: 1 });
    const first = queue.submit(1);
    await tick();
    expect(f.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => queue.submit(n));
    await tick();
    expect(f.batches).toHaveLength(1); // nothing leaves while the first batch is in flight
    f.release();
    expect(await first).toBe('stored 1');
    await tick();
    expect(f.batches).toEqual([[1], [2, 3, 4]]);
    f.release();
    expect(await Promise.all(later)).toEqual(['stored 2', 'stored 3', 'stored 4']);
  });

  it("with lingerMs 'idle', items submitted in the same turn of the event loop leave together, and a lone one leaves without a timer", async () => {
    const f = gatedFlush();
    const queue = createGroupCommitQueue({ flush: f.flush, maxBatch: 10, lingerMs: 'idle', maxInFlight: 1 });
    const together = [1, 2, 3].map((n) => queue.submit(n));
    expect(f.batches).toEqual([]); // not yet: the rest of this turn may bring company
    await new Promise((r) => setImmediate(r));
    expect(f.batches).toEqual([[1, 2, 3]]);
    f.release();
    expect(await Promise.all(together)).toEqual(['stored 1', 'stored 2', 'stored 3']);
    const lone = queue.submit(4);
    await new Promise((r) => setImmediate(r));
    expect(f.batches).toEqual([[1, 2, 3], [4]]);
    f.release();
    expect(await lone).toBe('stored 4');
  });

  it('never puts more than maxBatch items in a batch', async () => {
    const f = gatedFlush();
    const queue = createGroupCommitQueue({ flush: f.flush, maxBatch: 2, lingerMs: 50, maxInFlight: 1 });
    const all = [1, 2, 3, 4, 5].map((n) => queue.submit(n));
    await tick();
    expect(f.batches).toEqual([[1, 2]]); // full: left without waiting for the linger
    for (let i = 0; i < 3; i++) {
      f.release();
      await tick();
    }
    expect(f.batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(await Promise.all(all)).toHaveLength(5);
  });

  it('rejects every item of a batch whose flush fails, and the next batch still runs', async () => {
    let calls = 0;
    const queue = createGroupCommitQueue<number, number>({
      flush: async (items) => {
        calls++;
        if (calls === 1) throw new Error('commit failed');
        return items;
      },
      maxBatch: 10,
      lingerMs: 1,
      maxInFlight: 1,
    });
    const failed = [queue.submit(1), queue.submit(2)];
    const results = await Promise.allSettled(failed);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await queue.submit(3)).toBe(3);
  });

  it('without grouping (maxBatch 1, no linger) sends every item alone at once', async () => {
    const f = gatedFlush();
    const queue = createGroupCommitQueue({
      flush: f.flush,
      maxBatch: 1,
      lingerMs: 0,
      maxInFlight: Number.POSITIVE_INFINITY,
    });
    const all = [1, 2, 3].map((n) => queue.submit(n));
    expect(f.batches).toEqual([[1], [2], [3]]);
    for (let i = 0; i < 3; i++) f.release();
    expect(await Promise.all(all)).toEqual(['stored 1', 'stored 2', 'stored 3']);
  });
});
