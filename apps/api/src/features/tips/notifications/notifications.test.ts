import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tipNotifications, tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { publishedListing, submit, tipBody } from '../tips-testing.ts';
import { isInternalAddress } from './ssrf-guard.ts';
import { signatureOf, verifyWebhook } from './standard-webhooks.ts';

const SECRET = `whsec_${Buffer.from('test-webhook-secret-0123456789').toString('base64')}`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver that records every request and answers each path with its next planned status (default 200). */
async function receiver() {
  const received: Received[] = [];
  const plan: Record<string, number[]> = { '/hook': [], '/wecom': [] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const status = plan[req.url ?? '']?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        req.url === '/wecom' ? JSON.stringify({ errcode: status === 200 ? 0 : 1, errmsg: 'ok' }) : '{}',
      );
    });
  });
  let connections = 0;
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    plan,
    base,
    connections: () => connections,
    openConnections: () => new Promise<number>((r) => server.getConnections((_e, n) => r(n))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(backends())('tip notifications on $kind', (backend) => {
  let t: TestRuntime;
  let rx: Awaited<ReturnType<typeof receiver>>;
  let listingId: string;
  const open = async (env: Record<string, string> = {}, now?: () => Date) => {
    t = await openTestRuntime(
      backend,
      {
        TIP_WEBHOOK_URL: `${rx.base}/hook`,
        TIP_WEBHOOK_SECRET: SECRET,
        TIP_WECOM_ROBOT_URL: `${rx.base}/wecom`,
        TIP_NOTIFY_ALLOW_PRIVATE: '1',
        ...env,
      },
      now ? { now } : {},
    );
    listingId = await publishedListing(t);
  };
  beforeEach(async () => {
    rx = await receiver();
  });
  afterEach(async () => {
    await t?.close();
    await rx.close();
  });
  const drain = () => t.rt.tipNotifier!.drain();
  const waitFor = async (n: number) => {
    for (let i = 0; i < 200 && rx.received.length < n; i++) await new Promise((r) => setTimeout(r, 25));
  };

  it('sends a signed Standard Webhook and a 企业微信 robot text that carry no tip content', async () => {
    await open();
    await submit(t, tipBody(listingId, { contactName: '王举报', contactPhone: '13912345678' }));
    await waitFor(2);
    await drain();
    const hook = rx.received.find((r) => r.path === '/hook')!;
    const wecom = rx.received.find((r) => r.path === '/wecom')!;
    expect(hook).toBeDefined();
    expect(
      verifyWebhook(
        SECRET,
        {
          id: String(hook.headers['webhook-id']),
          timestamp: String(hook.headers['webhook-timestamp']),
          signature: String(hook.headers['webhook-signature']),
        },
        hook.body,
      ),
    ).toBeNull();
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'tip.received',
      data: { unitId: 'U-A', unopened: 1 },
    });
    expect(JSON.parse(wecom.body)).toEqual({
      msgtype: 'text',
      text: { content: '有 1 条新的举报线索待查看，请登录执行工作平台处理。' },
    });
    for (const r of rx.received) {
      expect(r.body).not.toContain('美兰机场');
      expect(r.body).not.toContain('13912345678');
      expect(r.body).not.toContain('王举报');
    }
  });

  it('announces tips sent together in one message per unit and channel, over shared connections closed when the batch is done', async () => {
    await open();
    const sent = await Promise.all(Array.from({ length: 8 }, () => submit(t, tipBody(listingId))));
    expect(sent.map((s) => s.res.status)).toEqual(Array(8).fill(201));
    const stored = (await t.rt.deps.db.select({ id: tips.id }).from(tips)).map((r) => r.id).sort();
    const named = () =>
      rx.received
        .filter((r) => r.path === '/hook')
        .flatMap((r) => (JSON.parse(r.body) as { data: { tipIds: string[] } }).data.tipIds);
    for (let i = 0; i < 200 && named().length < 8; i++) await new Promise((r) => setTimeout(r, 25));
    await drain();
    // every tip is announced once; a burst makes fewer messages than tips (one per group commit)
    expect(named().sort()).toEqual(stored);
    const hooks = rx.received.filter((r) => r.path === '/hook');
    expect(hooks.length).toBeLessThan(8);
    expect(rx.received.filter((r) => r.path === '/wecom')).toHaveLength(hooks.length);
    const unopened = hooks.map((hook) => {
      const { data } = JSON.parse(hook.body) as {
        data: { tipId: string; tipIds: string[]; unopened: number };
      };
      expect(data.tipId).toBe(data.tipIds[0]);
      return data.unopened;
    });
    expect(Math.max(...unopened)).toBe(8);
    // at most one connection per receiver and message, fewer when messages share a batch
    expect(rx.connections()).toBeLessThanOrEqual(hooks.length * 2);
    let stillOpen = await rx.openConnections();
    for (let i = 0; i < 100 && stillOpen > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      stillOpen = await rx.openConnections();
    }
    expect(stillOpen).toBe(0);
  });

  it('retries a failed delivery with backoff under the same webhook-id, and delivers it once the receiver is back', async () => {
    await open();
    rx.plan['/hook']!.push(503);
    rx.plan['/wecom']!.push(500);
    await submit(t, tipBody(listingId));
    await waitFor(2);
    await drain();
    const rows = await t.rt.deps.db.select().from(tipNotifications);
    expect(rows.every((r) => r.deliveredAt === null && r.lastError?.includes('50'))).toBe(true);
    // next attempt is scheduled in the future (backoff), not immediately
    expect(rows.every((r) => r.nextAttemptAt.getTime() > Date.now())).toBe(true);
    // time passes: make the retries due
    await t.rt.deps.db.update(tipNotifications).set({ nextAttemptAt: sql`now()` });
    await drain();
    const hooks = rx.received.filter((r) => r.path === '/hook');
    expect(hooks).toHaveLength(2);
    expect(hooks[1]!.headers['webhook-id']).toBe(hooks[0]!.headers['webhook-id']);
    const after = await t.rt.deps.db.select().from(tipNotifications);
    expect(after.every((r) => r.deliveredAt !== null && r.attempts === 2)).toBe(true);
  });

  it('redelivers with the same id when a worker died after sending but before marking it (lease expired)', async () => {
    await open();
    await submit(t, tipBody(listingId));
    await waitFor(2);
    await drain();
    const first = rx.received.find((r) => r.path === '/hook')!;
    // the process died between the receiver's 200 and the mark: the row is claimed, not delivered
    await t.rt.deps.db
      .update(tipNotifications)
      .set({ deliveredAt: null, lockedUntil: sql`now() - interval '1 second'` });
    await drain();
    const hooks = rx.received.filter((r) => r.path === '/hook');
    expect(hooks).toHaveLength(2);
    expect(hooks[1]!.headers['webhook-id']).toBe(first.headers['webhook-id']);
  });

  it('keeps a dead letter visible to staff after 410 Gone, and after the last scheduled attempt', async () => {
    await open();
    rx.plan['/hook']!.push(410);
    rx.plan['/wecom']!.push(500);
    await submit(t, tipBody(listingId));
    await waitFor(2);
    await drain();
    // the robot failed once; make it the last attempt of the schedule
    await t.rt.deps.db
      .update(tipNotifications)
      .set({ attempts: 9, nextAttemptAt: sql`now()` })
      .where(sql`channel = 'wecom'`);
    rx.plan['/wecom']!.push(500);
    await drain();
    const dead = (await (
      await t.request('/api/v1/admin/notifications?state=dead', { token: 'admin' })
    ).json()) as {
      items: { channel: string; lastError: string }[];
    };
    expect(dead.items.map((i) => i.channel).sort()).toEqual(['webhook', 'wecom']);
    expect(dead.items.find((i) => i.channel === 'webhook')!.lastError).toMatch(/410/);
    const unitB = (await (
      await t.request('/api/v1/admin/notifications?state=dead', { token: 'unitB' })
    ).json()) as { items: unknown[] };
    expect(unitB.items).toEqual([]);
  });

  it('refuses loopback targets unless allowed (SSRF), and never reaches them', async () => {
    await open({ TIP_NOTIFY_ALLOW_PRIVATE: '0' });
    await submit(t, tipBody(listingId));
    await drain();
    expect(rx.received).toEqual([]);
    const rows = await t.rt.deps.db.select().from(tipNotifications);
    expect(rows.every((r) => r.lastError?.includes('private or loopback'))).toBe(true);
  });

  it('queues one daily reminder per unit while tips stay unopened for more than one working day', async () => {
    const later = () => new Date(Date.now() + 6 * 86_400_000);
    await open({}, later);
    await submit(t, tipBody(listingId));
    await waitFor(2);
    await drain();
    expect(await t.rt.tipNotifier!.remind()).toBe(1);
    expect(await t.rt.tipNotifier!.remind()).toBe(0); // not twice within a day
    await drain();
    const wecom = rx.received
      .filter((r) => r.path === '/wecom')
      .map((r) => JSON.parse(r.body).text.content as string);
    expect(wecom.at(-1)).toBe('提醒：有 1 条举报线索超过 1 个工作日未查看，请登录执行工作平台处理。');
    // once opened, no reminder
    const list = (await (await t.request('/api/v1/admin/tips', { token: 'unitA' })).json()) as {
      items: { id: string }[];
    };
    const tip = list.items[0];
    await t.request(`/api/v1/admin/tips/${tip!.id}`, { token: 'unitA' });
    await t.rt.deps.db.delete(tipNotifications);
    expect(await t.rt.tipNotifier!.remind()).toBe(0);
  });
});

describe('Standard Webhooks signature', () => {
  it('rejects a tampered body, a skewed timestamp, and accepts any of several signatures (rotation)', () => {
    const now = 1_800_000_000;
    const body = '{"type":"tip.received"}';
    const sig = signatureOf(SECRET, 'msg_1', now, body);
    const headers = { id: 'msg_1', timestamp: String(now), signature: sig };
    expect(verifyWebhook(SECRET, headers, body, now)).toBeNull();
    expect(verifyWebhook(SECRET, headers, `${body} `, now)).toBe('no matching signature');
    expect(verifyWebhook(SECRET, headers, body, now + 301)).toBe('timestamp outside tolerance');
    const other = `whsec_${Buffer.from('next-secret-abcdefghijklmnop').toString('base64')}`;
    const rotated = { ...headers, signature: `${signatureOf(other, 'msg_1', now, body)} ${sig}` };
    expect(verifyWebhook(SECRET, rotated, body, now)).toBeNull();
  });
});

describe('SSRF guard', () => {
  it('treats loopback, private, link-local and mapped addresses as internal', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['203.0.113.5', '101.226.1.1', '2408:8000::1'])
      expect(isInternalAddress(a), a).toBe(false);
  });
});
