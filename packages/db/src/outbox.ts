/**
 * Transactional outbox: side effects are enqueued in the transaction of the change, then claimed by
 * workers (`FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same row), retried with
 * backoff until done. Times come from the database clock so several processes agree.
 */
import { and, asc, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { type OutboxRow, outbox } from './schema/index.ts';

export interface OutboxMessage {
  /** e.g. `listing.changed`, `tip.created` */
  topic: string;
  /** the entity it is about (consumers may coalesce by key) */
  key: string;
  payload: unknown;
}

/**
 * Adds a message. Call inside the transaction that makes the change it announces.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(listings).set({ status: 'published' }).where(eq(listings.id, id));
 *   await enqueue(tx, { topic: 'listing.changed', key: id, payload: { id } });
 * });
 */
export async function enqueue(tx: Database, message: OutboxMessage): Promise<number> {
  const [row] = await tx
    .insert(outbox)
    .values({ topic: message.topic, key: message.key, payload: message.payload })
    .returning({ id: outbox.id });
  return row!.id;
}

function pendingNow() {
  return and(
    isNull(outbox.doneAt),
    lte(outbox.nextAttemptAt, sql`now()`),
    or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, sql`now()`)),
  );
}

/**
 * Claims up to `limit` due messages for `lockMs`, oldest first, and counts the attempt. Rows locked by
 * another worker (or still leased) are skipped; an expired lease makes a row claimable again.
 */
export async function claimBatch(
  db: Database,
  opts: { limit: number; lockMs: number },
): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(pendingNow())
    .orderBy(asc(outbox.id))
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(outbox)
    .set({
      lockedUntil: sql`now() + ${opts.lockMs} * interval '1 millisecond'`,
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(inArray(outbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** Marks messages as handled; they are never claimed again. */
export async function markDone(db: Database, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set({ doneAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(inArray(outbox.id, [...ids]));
}

/** Records a failure and schedules the next attempt `backoffMs` from now. */
export async function markFailed(db: Database, id: number, error: unknown, backoffMs: number): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db
    .update(outbox)
    .set({
      lastError: message.slice(0, 2000),
      lockedUntil: null,
      nextAttemptAt: sql`now() + ${backoffMs} * interval '1 millisecond'`,
    })
    .where(and(sql`${outbox.id} = ${id}`, isNull(outbox.doneAt)));
}

/** Messages not done yet (due or waiting for a retry). */
export async function pendingCount(db: Database): Promise<number> {
  return db.$count(outbox, isNull(outbox.doneAt));
}
