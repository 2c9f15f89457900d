import { type Database, newId } from '@portal/db';
import { listings, type NotificationChannel, tipNotifications, tips } from '@portal/db/schema';
import { addWorkingDays, todayInChina } from '@portal/domain';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Logger } from '../../../logger.ts';
import { rowsOf } from '../tip-batch-sql.ts';
import type { TipKeyring } from '../tip-keyring.ts';
import type { NotifyTargets } from '../tips-services.ts';
import { type DeliveryOutcome, deliver } from './deliver.ts';
import { batchAgents } from './guarded-post.ts';
import {
  channelsFor,
  disabledState,
  disableTarget,
  type ResolvedTarget,
  targetFor,
} from './target-resolution.ts';

/** Standard Webhooks' schedule: the wait after attempt n is RETRY_SCHEDULE_MS[n]; past the end, dead letter. */
export const RETRY_SCHEDULE_MS = [
  0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000,
];
const LEASE_MS = 60_000;
/** rows claimed at once; a shorter claim means nothing else was due (a later commit wakes the worker again) */
const CLAIM_LIMIT = 20;

export interface NotificationWorkerOptions {
  db: Database;
  /** court-wide targets (fallback) and the SSRF policy */
  targets: NotifyTargets;
  /** opens units' sealed targets */
  keyring: TipKeyring;
  logger: Logger;
  now: () => Date;
  /** tests shorten the schedule */
  schedule?: readonly number[];
  pollMs?: number;
  reminderEveryMs?: number;
  /** how long after a commit's wake-up the worker runs (batches tips that arrive together) */
  wakeDelayMs?: number;
}

export interface NotificationWorker {
  wake(): void;
  /** delivers everything due now (tests) */
  drain(): Promise<number>;
  /** queues reminders for units with tips unopened for more than one working day */
  remind(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Delivers queued tip notifications at least once: a lease claims due rows (`FOR UPDATE SKIP
 * LOCKED`, so several processes share the work), delivery happens with no transaction open, then
 * the row is marked delivered, rescheduled with backoff and jitter, or dead after the last attempt.
 * A process killed mid-delivery leaves a lease that expires: the row is sent again, same id.
 * Each row goes to its unit's own target for the channel, else the court-wide one; a target that
 * answered 410 Gone is recorded in the database and gets nothing more, from any process, until
 * staff save it again.
 */
export function startNotificationWorker(opts: NotificationWorkerOptions): NotificationWorker {
  const schedule = opts.schedule ?? RETRY_SCHEDULE_MS;
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function claim(): Promise<(typeof tipNotifications.$inferSelect)[]> {
    const due = opts.db
      .select({ id: tipNotifications.id })
      .from(tipNotifications)
      .where(
        and(
          isNull(tipNotifications.deliveredAt),
          isNull(tipNotifications.deadAt),
          sql`${tipNotifications.nextAttemptAt} <= now()`,
          sql`(${tipNotifications.lockedUntil} is null or ${tipNotifications.lockedUntil} <= now())`,
        ),
      )
      .orderBy(tipNotifications.nextAttemptAt)
      .limit(CLAIM_LIMIT)
      .for('update', { skipLocked: true });
    return opts.db
      .update(tipNotifications)
      .set({
        lockedUntil: sql`now() + ${LEASE_MS} * interval '1 millisecond'`,
        attempts: sql`${tipNotifications.attempts} + 1`,
      })
      .where(sql`${tipNotifications.id} in (${due})`)
      .returning();
  }

  async function unopenedIn(unitId: string | null): Promise<number> {
    return opts.db.$count(
      tips,
      and(
        isNull(tips.openedAt),
        sql`${tips.listingId} in (select ${listings.id} from ${listings} where ${unitId === null ? sql`${listings.unitId} is null` : sql`${listings.unitId} = ${unitId}`})`,
      ),
    );
  }

  async function runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await claim();
      if (rows.length === 0) return handled;
      // one count per unit and batch: the figure is "how many to open", not per message
      const unopened = new Map<string | null, number>();
      const unopenedOf = async (unitId: string | null) => {
        if (!unopened.has(unitId)) unopened.set(unitId, await unopenedIn(unitId));
        return unopened.get(unitId) ?? 0;
      };
      const resolved = new Map<string, ResolvedTarget | null>();
      const targetOf = async (unitId: string | null, channel: NotificationChannel) => {
        const key = `${unitId ?? ''}\u0000${channel}`;
        if (!resolved.has(key))
          resolved.set(key, await targetFor(opts.db, opts.keyring, opts.targets, unitId, channel));
        return resolved.get(key) ?? null;
      };
      const disabled = new Map<string, boolean>();
      const isDisabled = async (urlHash: string) => {
        if (!disabled.has(urlHash)) disabled.set(urlHash, (await disabledState(opts.db, urlHash)) !== null);
        return disabled.get(urlHash) ?? false;
      };
      // marked in one statement per batch: under load, one write for many deliveries (a worker
      // dying before it only means those are sent again, with their ids: at least once)
      const delivered: string[] = [];
      // one keep-alive socket per target for this batch, closed when it ends
      const agents = batchAgents();
      try {
        for (const row of rows) {
          handled++;
          const target = await targetOf(row.unitId, row.channel);
          const outcome: DeliveryOutcome =
            target && (await isDisabled(target.urlHash))
              ? { ok: false, error: 'target disabled: it answered 410 Gone earlier', gone: true }
              : await deliver(
                  row,
                  target,
                  opts.targets,
                  await unopenedOf(row.unitId),
                  opts.now().getTime(),
                  target ? agents.for(target.url) : undefined,
                );
          if (outcome.ok) {
            delivered.push(row.id);
            continue;
          }
          if (outcome.gone && target) {
            await disableTarget(opts.db, target, row.channel, outcome.error);
            disabled.set(target.urlHash, true);
          }
          const wait = schedule[row.attempts];
          const dead = outcome.gone || wait === undefined;
          // ±20 % jitter so many failed rows do not retry in one burst
          const delay = dead ? 0 : Math.round(wait * (0.8 + Math.random() * 0.4));
          await opts.db
            .update(tipNotifications)
            .set({
              lockedUntil: null,
              lastError: outcome.error.slice(0, 500),
              ...(dead
                ? { deadAt: sql`now()` }
                : { nextAttemptAt: sql`now() + ${delay} * interval '1 millisecond'` }),
            })
            .where(eq(tipNotifications.id, row.id));
          if (dead)
            opts.logger.warn(
              { notification: row.id, channel: row.channel },
              'tip notification dead-lettered',
            );
        }
      } finally {
        agents.close();
      }
      if (delivered.length > 0)
        await opts.db
          .update(tipNotifications)
          .set({ deliveredAt: sql`now()`, lockedUntil: null, lastError: null })
          .where(inArray(tipNotifications.id, delivered));
      if (rows.length < CLAIM_LIMIT) return handled;
    }
  }

  let again = false;
  function run(): Promise<number> {
    if (running) {
      // a commit may have landed after this run's last claim: run once more afterwards
      again = true;
      return running.then(() => running ?? 0);
    }
    again = false;
    running = runOnce()
      .catch((err) => {
        opts.logger.warn({ err }, 'tip notification worker failed');
        return 0;
      })
      .finally(() => {
        running = null;
        if (again) void run();
      });
    return running;
  }

  /**
   * One reminder per unit, channel and day (China time) even with several processes: the row's
   * `dedupe_key` is unique, so a second process inserting the same reminder inserts nothing.
   */
  async function remind(): Promise<number> {
    const oldest = rowsOf<{ unit_id: string | null; first: string | Date }>(
      await opts.db.execute(sql`
        select l.unit_id, min(t.created_at) as first
        from tips t join listings l on l.id = t.listing_id
        where t.opened_at is null
        group by l.unit_id`),
    );
    const today = todayInChina(opts.now());
    let queued = 0;
    for (const { unit_id: unitId, first } of oldest) {
      const receivedOn = todayInChina(new Date(first));
      if (today <= addWorkingDays(receivedOn, 1)) continue;
      const channels = await channelsFor(opts.db, opts.targets, unitId);
      if (channels.length === 0) continue;
      const inserted = await opts.db
        .insert(tipNotifications)
        .values(
          channels.map((channel) => ({
            id: `msg_${newId()}`,
            channel,
            unitId,
            event: 'tips.reminder',
            payload: { unitId },
            dedupeKey: `tips.reminder:${unitId ?? '-'}:${today}:${channel}`,
          })),
        )
        .onConflictDoNothing({ target: tipNotifications.dedupeKey })
        .returning({ id: tipNotifications.id });
      if (inserted.length > 0) queued++;
    }
    if (queued > 0) void run();
    return queued;
  }

  const poll = () => {
    if (stopped) return;
    void run().finally(() => {
      if (!stopped) timer = setTimeout(poll, opts.pollMs ?? 1000);
    });
  };
  poll();
  const reminderTimer = setInterval(() => {
    remind().catch((err) => opts.logger.warn({ err }, 'tip reminder failed'));
  }, opts.reminderEveryMs ?? 3_600_000);
  reminderTimer.unref();

  // A commit wakes the worker a moment later rather than at once: the messages of several
  // commits are claimed, counted and marked as one batch (under load, at most ~10 runs of a few
  // statements a second, whatever the tips/s); the wait is far below the 2 s notification target.
  let waking: NodeJS.Timeout | undefined;
  const wake = () => {
    if (waking || stopped) return;
    waking = setTimeout(() => {
      waking = undefined;
      void run();
    }, opts.wakeDelayMs ?? 100);
  };

  return {
    wake,
    drain: () => run(),
    remind,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(waking);
      clearInterval(reminderTimer);
      await running;
    },
  };
}
