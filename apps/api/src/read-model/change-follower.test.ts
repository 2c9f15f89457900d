import { enqueue, latestFeedPosition } from '@portal/db';
import { backends } from '@portal/db/testing';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { startChangeFollower } from './change-follower.ts';
import { LISTING_CHANGED } from './publisher.ts';

const postgresOnly = backends().filter((b) => b.kind === 'postgres');

describe.each(postgresOnly)('change feed follower on $kind', (backend) => {
  it('applies a change whose transaction commits after a later one, and moves past a rolled-back id', async () => {
    const a = await backend.open();
    const applied: string[][] = [];
    try {
      const follower = await startChangeFollower({
        db: a.db,
        from: await latestFeedPosition(a.db),
        apply: async (ids) => {
          applied.push(ids);
        },
        logger: createLogger('silent'),
        pollMs: 60_000, // driven by hand below
        gapWaitMs: 200,
      });
      // T1 takes an id and stays open while T2 (a later id) commits
      let commitSlow!: () => void;
      const slowCommitted = a.db.transaction(async (tx) => {
        await enqueue(tx, { topic: LISTING_CHANGED, key: 'LSLOW', payload: {} });
        await new Promise<void>((r) => {
          commitSlow = r;
        });
      });
      await new Promise((r) => setTimeout(r, 100));
      await enqueue(a.db, { topic: LISTING_CHANGED, key: 'LFAST', payload: {} });
      await follower.catchUp();
      expect(applied.flat()).toEqual(['LFAST']);
      const heldAt = follower.position();
      commitSlow();
      await slowCommitted;
      await follower.catchUp();
      expect(applied.flat()).toEqual(['LFAST', 'LSLOW']); // not lost behind the position
      expect(follower.position()).toBeGreaterThan(heldAt);

      // a rolled-back transaction burns an id for good: the follower moves on after gapWaitMs
      await a.db
        .transaction(async (tx) => {
          await enqueue(tx, { topic: LISTING_CHANGED, key: 'LGONE', payload: {} });
          throw new Error('roll back');
        })
        .catch(() => {});
      await enqueue(a.db, { topic: LISTING_CHANGED, key: 'LNEXT', payload: {} });
      await follower.catchUp();
      const before = follower.position();
      await new Promise((r) => setTimeout(r, 250));
      await follower.catchUp();
      expect(follower.position()).toBeGreaterThan(before);
      expect(applied.flat()).toEqual(['LFAST', 'LSLOW', 'LNEXT']);
      await follower.stop();
    } finally {
      await a.close();
    }
  });
});
