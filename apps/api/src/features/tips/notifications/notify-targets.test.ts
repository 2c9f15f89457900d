import { Writable } from 'node:stream';
import { auditLog, tipNotifications, unitNotifyTargets } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../logger.ts';
import { openTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { addCustodian, CUSTODIAN_TOKEN, publishedListing, submit, tipBody } from '../tips-testing.ts';
import { notifyReceiver } from './notify-test-receiver.ts';
import { verifyWebhook } from './standard-webhooks.ts';
import { startNotificationWorker } from './worker.ts';

const COURT_SECRET = `whsec_${Buffer.from('court-wide-secret-0123456789abcdef').toString('base64')}`;
const UNIT_SECRET = `whsec_${Buffer.from('unit-a-secret-0123456789abcdefghij').toString('base64')}`;
const ROBOT_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

interface Disabled {
  channel: string;
  unitId: string | null;
  reason: string;
}

describe.each(backends())('per-unit notification targets on $kind', (backend) => {
  let t: TestRuntime;
  let rx: Awaited<ReturnType<typeof notifyReceiver>>;
  const open = async (env: Record<string, string> = {}) => {
    t = await openTestRuntime(backend, {
      TIP_WEBHOOK_URL: `${rx.base}/hook`,
      TIP_WEBHOOK_SECRET: COURT_SECRET,
      TIP_WECOM_ROBOT_URL: `${rx.base}/wecom`,
      TIP_NOTIFY_ALLOW_PRIVATE: '1',
      ...env,
    });
  };
  beforeEach(async () => {
    rx = await notifyReceiver();
  });
  afterEach(async () => {
    await t?.close();
    await rx.close();
  });
  const drain = () => t.rt.tipNotifier!.drain();
  const put = (unitId: string, channel: string, body: unknown, token = 'admin') =>
    t.request(`/api/v1/admin/units/${unitId}/notify-targets/${channel}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      token,
    });
  const setUnitA = async () => {
    expect(
      (await put('U-A', 'webhook', { url: `${rx.base}/unit-a-hook`, secrets: [UNIT_SECRET] })).status,
    ).toBe(200);
    expect((await put('U-A', 'wecom', { url: `${rx.base}/unit-a-wecom?key=${ROBOT_KEY}` })).status).toBe(200);
  };
  const signedBy = (secret: string, r: { headers: Record<string, unknown>; body: string }) =>
    verifyWebhook(
      secret,
      {
        id: String(r.headers['webhook-id']),
        timestamp: String(r.headers['webhook-timestamp']),
        signature: String(r.headers['webhook-signature']),
      },
      r.body,
    ) === null;
  const notifications = async (token = 'admin') =>
    (await (await t.request('/api/v1/admin/notifications', { token })).json()) as {
      items: { channel: string; state: string; lastError: string | null }[];
      disabledTargets: Disabled[];
    };

  it("sends a unit's tips to the unit's own webhook (signed with its secret) and robot; other units' tips to the court-wide targets", async () => {
    await open();
    await setUnitA();
    const listingA = await publishedListing(t, 'U-A');
    const listingB = await publishedListing(t, 'U-B');
    await submit(t, tipBody(listingA));
    await submit(t, tipBody(listingB));
    await drain();
    const unitHook = rx.at('/unit-a-hook');
    expect(unitHook).toHaveLength(1);
    expect(signedBy(UNIT_SECRET, unitHook[0]!)).toBe(true);
    expect(signedBy(COURT_SECRET, unitHook[0]!)).toBe(false);
    expect(JSON.parse(unitHook[0]!.body)).toMatchObject({ type: 'tip.received', data: { unitId: 'U-A' } });
    expect(rx.at(`/unit-a-wecom?key=${ROBOT_KEY}`)).toHaveLength(1);
    const courtHook = rx.at('/hook');
    expect(courtHook).toHaveLength(1);
    expect(JSON.parse(courtHook[0]!.body).data.unitId).toBe('U-B');
    expect(signedBy(COURT_SECRET, courtHook[0]!)).toBe(true);
    expect(rx.at('/wecom')).toHaveLength(1);
  });

  it('reaches a unit through its own target when no court-wide target exists, and queues nothing once that target is deleted', async () => {
    await open({ TIP_WEBHOOK_URL: '', TIP_WECOM_ROBOT_URL: '' });
    expect(
      (await put('U-A', 'webhook', { url: `${rx.base}/unit-a-hook`, secrets: [UNIT_SECRET] })).status,
    ).toBe(200);
    const listingA = await publishedListing(t, 'U-A');
    await submit(t, tipBody(listingA));
    await drain();
    expect(rx.at('/unit-a-hook')).toHaveLength(1);
    const del = await t.request('/api/v1/admin/units/U-A/notify-targets/webhook', {
      method: 'DELETE',
      token: 'admin',
    });
    expect(del.status).toBe(200);
    // no target left at all: a new tip queues nothing rather than failing forever
    const before = await t.rt.deps.db.$count(tipNotifications);
    await submit(t, tipBody(listingA, { description: '又在机场看到他。' }));
    expect(await t.rt.deps.db.$count(tipNotifications)).toBe(before);
  });

  it('never returns or logs the URL or secrets: staff see scheme and host; the row is sealed; the audit names the channel only', async () => {
    await open();
    await setUnitA();
    const res = await t.request('/api/v1/admin/notify-targets', { token: 'admin' });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [ROBOT_KEY, UNIT_SECRET, COURT_SECRET, '/unit-a-hook', '/hook'])
      expect(text).not.toContain(secret);
    const body = JSON.parse(text) as {
      items: { unitId: string; channel: string; urlHint: string; secretCount: number; disabled: unknown }[];
      courtWide: { channel: string; urlHint: string }[];
    };
    expect(body.items).toEqual([
      expect.objectContaining({
        unitId: 'U-A',
        channel: 'webhook',
        urlHint: `${rx.base}/…`,
        secretCount: 1,
        disabled: null,
      }),
      expect.objectContaining({
        unitId: 'U-A',
        channel: 'wecom',
        urlHint: `${rx.base}/…`,
        secretCount: 0,
        disabled: null,
      }),
    ]);
    expect(body.courtWide.map((c) => c.channel)).toEqual(['webhook', 'wecom']);
    const rows = await t.rt.deps.db.select().from(unitNotifyTargets);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(ROBOT_KEY);
    expect(stored).not.toContain(UNIT_SECRET);
    expect(stored).not.toContain('unit-a-hook');
    const audit = JSON.stringify(await t.rt.deps.db.select().from(auditLog));
    expect(audit).toContain('notify_target.set');
    expect(audit).not.toContain(ROBOT_KEY);
    expect(audit).not.toContain(UNIT_SECRET);
    expect(t.logLines.join('')).not.toContain(ROBOT_KEY);
    // a unit member sees its own unit's targets, another unit's none
    const mine = (await (await t.request('/api/v1/admin/notify-targets', { token: 'unitA' })).json()) as {
      items: unknown[];
    };
    const theirs = (await (await t.request('/api/v1/admin/notify-targets', { token: 'unitB' })).json()) as {
      items: unknown[];
    };
    expect(mine.items).toHaveLength(2);
    expect(theirs.items).toHaveLength(0);
  });

  it('refuses bad input with a zh-CN message and its field, and changes nothing', async () => {
    await open({ TIP_NOTIFY_ALLOW_PRIVATE: '0' });
    await addCustodian(t);
    // a name that resolves to loopback is refused like the literal address
    t.rt.deps.tips.notify.resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const cases: [Response, number, string, string | undefined][] = [
      [
        await put('U-A', 'webhook', { url: 'ftp://hooks.example.com/x', secrets: [UNIT_SECRET] }),
        400,
        'VALIDATION_FAILED',
        'url',
      ],
      [
        await put('U-A', 'webhook', { url: 'https://hooks.example.com/x' }),
        400,
        'VALIDATION_FAILED',
        'secrets',
      ],
      [
        await put('U-A', 'webhook', { url: 'https://hooks.example.com/x', secrets: ['secret'] }),
        400,
        'VALIDATION_FAILED',
        'secrets.0',
      ],
      [
        await put('U-A', 'wecom', { url: 'https://qyapi.weixin.qq.com/x', secrets: [UNIT_SECRET] }),
        400,
        'VALIDATION_FAILED',
        'secrets',
      ],
      [await put('U-A', 'sms', { url: 'https://hooks.example.com/x' }), 400, 'INVALID_PARAMETER', 'channel'],
      [
        await put('U-A', 'webhook', { url: `${rx.base}/unit-a-hook`, secrets: [UNIT_SECRET] }),
        400,
        'VALIDATION_FAILED',
        'url',
      ],
      [
        await put('U-A', 'webhook', { url: 'http://169.254.169.254/latest', secrets: [UNIT_SECRET] }),
        400,
        'VALIDATION_FAILED',
        'url',
      ],
      [
        await put('U-X', 'webhook', { url: 'https://hooks.example.com/x', secrets: [UNIT_SECRET] }),
        404,
        'NOT_FOUND',
        'unitId',
      ],
      [
        await put('U-A', 'webhook', { url: 'https://hooks.example.com/x', secrets: [UNIT_SECRET] }, 'unitA'),
        403,
        'FORBIDDEN',
        undefined,
      ],
      [
        await put(
          'U-A',
          'webhook',
          { url: 'https://hooks.example.com/x', secrets: [UNIT_SECRET] },
          CUSTODIAN_TOKEN,
        ),
        403,
        'FORBIDDEN',
        undefined,
      ],
      [
        await t.request('/api/v1/admin/notify-targets', { token: CUSTODIAN_TOKEN }),
        403,
        'FORBIDDEN',
        undefined,
      ],
      [
        await t.request('/api/v1/admin/units/U-A/notify-targets/wecom', { method: 'DELETE', token: 'admin' }),
        404,
        'NOT_FOUND',
        undefined,
      ],
      [
        await t.request('/api/v1/admin/units/U-A/notify-targets/wecom', { method: 'DELETE', token: 'unitA' }),
        403,
        'FORBIDDEN',
        undefined,
      ],
    ];
    for (const [res, status, code, field] of cases) {
      const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      if (field) expect(body.error.field).toBe(field);
    }
    expect(await t.rt.deps.db.$count(unitNotifyTargets)).toBe(0);
  });

  it('a target answering 410 Gone stays disabled in the database: a fresh worker sends nothing to it, staff see it, and saving it again re-enables it', async () => {
    await open();
    await setUnitA();
    const listingA = await publishedListing(t, 'U-A');
    rx.planFor('/unit-a-hook', 410);
    await submit(t, tipBody(listingA));
    await drain();
    expect(rx.at('/unit-a-hook')).toHaveLength(1);
    const seen = await notifications();
    expect(seen.disabledTargets).toEqual([expect.objectContaining({ channel: 'webhook', unitId: 'U-A' })]);
    expect((await notifications('unitA')).disabledTargets).toHaveLength(1);
    expect((await notifications('unitB')).disabledTargets).toHaveLength(0);
    const list = (await (await t.request('/api/v1/admin/notify-targets', { token: 'admin' })).json()) as {
      items: { channel: string; disabled: { reason: string } | null }[];
    };
    expect(list.items.find((i) => i.channel === 'webhook')!.disabled?.reason).toMatch(/410/);

    // a new process (a fresh worker, nothing in memory) on the same database
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const fresh = startNotificationWorker({
      db: t.rt.deps.db,
      targets: t.rt.deps.tips.notify,
      keyring: t.rt.deps.tips.keyring,
      logger: createLogger('info', sink),
      now: () => new Date(),
      pollMs: 3_600_000,
    });
    try {
      await submit(t, tipBody(listingA, { description: '第二次看到他。' }));
      await fresh.drain();
      await drain();
      expect(rx.at('/unit-a-hook')).toHaveLength(1); // still only the first, answered 410
      expect(rx.at(`/unit-a-wecom?key=${ROBOT_KEY}`)).toHaveLength(2); // the other channel goes on
      const dead = (await notifications()).items.filter((i) => i.channel === 'webhook');
      expect(dead.every((i) => i.state === 'dead')).toBe(true);
      expect(dead.some((i) => /disabled/.test(i.lastError ?? ''))).toBe(true);

      // the court admin saves the target again: enabled, the next tip goes out
      expect(
        (await put('U-A', 'webhook', { url: `${rx.base}/unit-a-hook`, secrets: [UNIT_SECRET] })).status,
      ).toBe(200);
      expect((await notifications()).disabledTargets).toEqual([]);
      await submit(t, tipBody(listingA, { description: '第三次看到他。' }));
      await fresh.drain();
      await drain();
      expect(rx.at('/unit-a-hook')).toHaveLength(2);
    } finally {
      await fresh.stop();
    }
  });

  it('the court-wide target answering 410 is disabled for every unit that falls back to it, and listed to the court admin', async () => {
    await open();
    const listingB = await publishedListing(t, 'U-B');
    rx.planFor('/hook', 410);
    await submit(t, tipBody(listingB));
    await drain();
    await submit(t, tipBody(listingB, { description: '又一次。' }));
    await drain();
    expect(rx.at('/hook')).toHaveLength(1);
    expect((await notifications()).disabledTargets).toEqual([
      expect.objectContaining({ channel: 'webhook', unitId: null }),
    ]);
    const list = (await (await t.request('/api/v1/admin/notify-targets', { token: 'admin' })).json()) as {
      courtWide: { channel: string; disabled: unknown }[];
    };
    expect(list.courtWide.find((c) => c.channel === 'webhook')!.disabled).not.toBeNull();
    expect(list.courtWide.find((c) => c.channel === 'wecom')!.disabled).toBeNull();
  });
});
