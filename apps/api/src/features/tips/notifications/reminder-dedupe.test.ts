import { createDatabase } from '@portal/db';
import { tipNotifications } from '@portal/db/schema';
import { openPostgresTestDatabase, testDatabaseUrl } from '@portal/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { publishedListing, submit, tipBody } from '../tips-testing.ts';
import { notifyReceiver } from './notify-test-receiver.ts';

const serverUrl = testDatabaseUrl();

/**
 * Two API processes (two runtimes, each with its own connection pool and worker) on one
 * PostgreSQL database: the daily reminder of a unit is queued once, however the runs interleave.
 */
describe.skipIf(!serverUrl)('daily reminder across processes on postgres', () => {
  const opened: TestRuntime[] = [];
  let rx: Awaited<ReturnType<typeof notifyReceiver>> | undefined;
  afterEach(async () => {
    for (const t of opened.reverse()) await t.close();
    opened.length = 0;
    await rx?.close();
  });

  it('queues one reminder per unit and day even when two workers run it in the same instant', async () => {
    rx = await notifyReceiver();
    const backend = { kind: 'postgres' as const, open: () => openPostgresTestDatabase(serverUrl!) };
    const first = await backend.open();
    const env = {
      TIP_WEBHOOK_URL: `${rx.base}/hook`,
      TIP_WEBHOOK_SECRET: `whsec_${Buffer.from('reminder-test-secret-0123456789').toString('base64')}`,
      TIP_WECOM_ROBOT_URL: `${rx.base}/wecom`,
      TIP_NOTIFY_ALLOW_PRIVATE: '1',
    };
    // six days later: the tips below are unopened for more than one working day
    const later = () => new Date(Date.now() + 6 * 86_400_000);
    const a = await openTestRuntime(backend, env, { database: first, now: later });
    opened.push(a);
    const url = new URL(serverUrl!);
    url.pathname = `/${first.databaseName}`;
    const second = await createDatabase({ databaseUrl: url.toString(), maxConnections: 3 });
    const b = await openTestRuntime(backend, env, { database: second, now: later, seedStaff: false });
    opened.push(b);
    await submit(a, tipBody(await publishedListing(a, 'U-A')));
    await submit(a, tipBody(await publishedListing(a, 'U-B')));

    for (let round = 0; round < 5; round++) {
      const counts = await Promise.all([a.rt.tipNotifier!.remind(), b.rt.tipNotifier!.remind()]);
      // the first round queues the two units once between both processes; later rounds nothing
      expect(
        counts.reduce((x, y) => x + y, 0),
        `round ${round}`,
      ).toBe(round === 0 ? 2 : 0);
    }
    const reminders = await a.rt.deps.db
      .select({ unitId: tipNotifications.unitId, channel: tipNotifications.channel })
      .from(tipNotifications)
      .where(eq(tipNotifications.event, 'tips.reminder'));
    expect(reminders.map((r) => `${r.unitId}/${r.channel}`).sort()).toEqual([
      'U-A/webhook',
      'U-A/wecom',
      'U-B/webhook',
      'U-B/wecom',
    ]);
  });
});
