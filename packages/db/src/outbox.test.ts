import { eq, sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { claimBatch, enqueue, markDone, markFailed, pendingCount } from './outbox.ts';
import { outbox } from './schema/index.ts';
import { forEachBackend } from './testing.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

forEachBackend('outbox', (t) => {
  async function enqueueN(n: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(await enqueue(t.db, { topic: 'listing.changed', key: `L${i}`, payload: { id: `L${i}`, i } }));
    }
    return ids;
  }

  test('stores the payload as a JSON object and counts it pending', async () => {
    await enqueue(t.db, { topic: 'listing.changed', key: 'L1', payload: { id: 'L1', list: [1, 2] } });
    const [row] = await t.db
      .select({ payload: outbox.payload, type: sql<string>`jsonb_typeof(${outbox.payload})` })
      .from(outbox);
    expect(row).toEqual({ payload: { id: 'L1', list: [1, 2] }, type: 'object' });
    expect(await pendingCount(t.db)).toBe(1);
  });

  test('a message enqueued in a rolled-back transaction never exists', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, { topic: 't', key: 'k', payload: {} });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await pendingCount(t.db)).toBe(0);
  });

  test('claims due messages oldest first, up to the limit, counting the attempt', async () => {
    const ids = await enqueueN(5);
    const batch = await claimBatch(t.db, { limit: 3, lockMs: 60_000 });
    expect(batch.map((r) => r.id)).toEqual(ids.slice(0, 3));
    expect(batch.every((r) => r.attempts === 1 && r.lockedUntil !== null)).toBe(true);
  });

  test('a claimed message is not handed out again while its lease lasts', async () => {
    const ids = await enqueueN(4);
    const first = await claimBatch(t.db, { limit: 2, lockMs: 60_000 });
    const second = await claimBatch(t.db, { limit: 10, lockMs: 60_000 });
    expect(first.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(second.map((r) => r.id)).toEqual(ids.slice(2));
    expect(await claimBatch(t.db, { limit: 10, lockMs: 60_000 })).toEqual([]);
  });

  test('an expired lease makes the message claimable again', async () => {
    await enqueueN(1);
    await claimBatch(t.db, { limit: 1, lockMs: 20 });
    await sleep(60);
    const again = await claimBatch(t.db, { limit: 1, lockMs: 60_000 });
    expect(again.map((r) => r.attempts)).toEqual([2]);
  });

  test('done messages leave the queue for good', async () => {
    const ids = await enqueueN(3);
    const batch = await claimBatch(t.db, { limit: 3, lockMs: 60_000 });
    await markDone(t.db, batch.map((r) => r.id).slice(0, 2));
    expect(await pendingCount(t.db)).toBe(1);
    await sleep(5);
    const [done] = await t.db.select().from(outbox).where(eq(outbox.id, ids[0]!));
    expect(done?.doneAt).toBeInstanceOf(Date);
    await markDone(t.db, []);
  });

  test('a failed message records the error and waits for its backoff', async () => {
    const [id] = await enqueueN(1);
    await claimBatch(t.db, { limit: 1, lockMs: 60_000 });
    await markFailed(t.db, id!, new Error('meili down'), 80);
    expect(await claimBatch(t.db, { limit: 1, lockMs: 60_000 })).toEqual([]);
    await sleep(150);
    const [retry] = await claimBatch(t.db, { limit: 1, lockMs: 60_000 });
    expect(retry).toMatchObject({ id, attempts: 2, lastError: 'Error: meili down' });
    expect(await pendingCount(t.db)).toBe(1);
  });

  test('concurrent workers never claim the same message twice', async () => {
    await enqueueN(30);
    const batches = await Promise.all(
      Array.from({ length: 3 }, () =>
        t.db.transaction(async (tx) => {
          const rows = await claimBatch(tx, { limit: 12, lockMs: 60_000 });
          await sleep(20); // hold the row locks a while, as a worker would
          return rows;
        }),
      ),
    );
    const all = batches.flat().map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(30);
  });
});
