import { listings } from '@portal/db/schema';
import { addDays, isExpired, todayInChina } from '@portal/domain';
import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';

import { applyRemoval } from './listing-commands.ts';

/**
 * Removes listings whose term has ended (art. 2: removed automatically), each in its own
 * transaction with an audit entry by `system`. Returns the removed ids.
 */
export async function removeExpiredListings(deps: Pick<AppDeps, 'db' | 'now' | 'outbox'>): Promise<string[]> {
  const today = todayInChina(deps.now());
  const candidates = await deps.db
    .select({ id: listings.id, termEndsAt: listings.termEndsAt })
    .from(listings)
    .where(
      and(eq(listings.status, 'published'), isNotNull(listings.termEndsAt), lte(listings.termEndsAt, today)),
    );
  const removed: string[] = [];
  for (const c of candidates) {
    const lastDay = c.termEndsAt;
    if (!lastDay || !isExpired(lastDay, today)) continue;
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: listings.status })
        .from(listings)
        .where(eq(listings.id, c.id))
        .for('update');
      if (row?.status !== 'published') return;
      // art. 10 ¶2: the ground arises the day after the last day of the term
      await applyRemoval(
        tx,
        c.id,
        'expired',
        'system',
        '公布期限届满，系统自动删除',
        deps.now(),
        addDays(lastDay, 1),
      );
      removed.push(c.id);
    });
  }
  if (removed.length > 0) deps.outbox.wake();
  return removed;
}

/**
 * Runs the expiry pass at start and then every hour, in the one process for which `isActive()`
 * holds (the publisher lock); the public surfaces hide an expired listing before this runs.
 */
export function startExpiryJob(deps: AppDeps, isActive: () => boolean = () => true): { stop(): void } {
  const run = () =>
    (isActive() ? removeExpiredListings(deps) : Promise.resolve([]))
      .then((ids) => ids.length > 0 && deps.logger.info({ count: ids.length }, 'expired listings removed'))
      .catch((err) => deps.logger.error({ err }, 'expiry job failed'));
  void run();
  const timer = setInterval(run, 60 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
