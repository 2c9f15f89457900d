import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresTestDatabase, testDatabaseUrl } from '@portal/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { personDraft } from '../../apps/api/src/testing/fixtures.ts';
import { type PortalProcess, startPortalProcess } from '../support/portal-process.ts';

/**
 * "Acknowledged means stored": a server taking a load of 1,200 tips is killed with SIGKILL in the
 * middle of it. After a restart on the same data, every receipt it acknowledged is found, every
 * retried request (same Idempotency-Key, same body) gets one tip, never two, and no half tip exists.
 * Notifications written with the tips reach a webhook receiver at least once after the restart,
 * each under one stable `webhook-id` (deliveries cut by the kill are sent again under the same id).
 */
const TOTAL = 1200;
const KILL_AFTER_ACKS = 450;
const CONCURRENCY = 12;
const TOKEN = 'crash-test-admin-token-0123456789';

type Backend = {
  kind: 'pglite' | 'postgres';
  env: () => Promise<Record<string, string>>;
  cleanup?: () => Promise<void>;
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const backendsForCrash: Backend[] = [
  { kind: 'pglite', env: async () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-crash-')) }) },
];
const pgUrl = testDatabaseUrl();
if (pgUrl)
  backendsForCrash.push({
    kind: 'postgres',
    env: async () => {
      const db = await openPostgresTestDatabase(pgUrl);
      cleanups.push(db.close);
      const url = new URL(pgUrl);
      url.pathname = `/${db.databaseName}`;
      return { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-crash-')) };
    },
  });

describe.each(backendsForCrash)('kill -9 during a load of tips on $kind', (backend) => {
  it('loses no acknowledged tip, duplicates none, leaves no half tip', { timeout: 420_000 }, async () => {
    const hooks: { id: string; tipIds: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        // a message announces the tips of one group commit that reached the unit
        hooks.push({ id: String(req.headers['webhook-id']), tipIds: JSON.parse(body).data.tipIds.join(',') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => receiver.close(() => r())));
    const env = {
      ...(await backend.env()),
      STAFF_BOOTSTRAP_TOKEN: TOKEN,
      RATE_LIMIT_PER_MIN: '0',
      TIP_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      TIP_WEBHOOK_SECRET: `whsec_${Buffer.from('crash-test-secret-0123').toString('base64')}`,
      TIP_NOTIFY_ALLOW_PRIVATE: '1',
    };
    let server: PortalProcess = await startPortalProcess(env);
    const api = (path: string, init: RequestInit = {}) => fetch(new URL(path, server.url), init);
    const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const created = (await (
      await api('/api/v1/admin/listings', {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(personDraft()),
      })
    ).json()) as { id: string };
    expect(
      (await api(`/api/v1/admin/listings/${created.id}/publish`, { method: 'POST', headers: admin })).status,
    ).toBe(200);

    const body = (i: number) =>
      JSON.stringify({
        listingId: created.id,
        kind: 'whereabouts',
        description: `第 ${i} 条线索：在儋州市那大镇见到此人。`,
        contactName: '测试',
        contactPhone: '13900000000',
      });
    const send = (i: number) =>
      api('/api/v1/tips', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `crash-${i}` },
        body: body(i),
      });

    const acked = new Map<number, string>();
    let next = 0;
    let killed = false;
    const killing = (async () => {
      while (acked.size < KILL_AFTER_ACKS) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await server.kill9();
    })();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (!killed && next < TOTAL) {
          const i = next++;
          try {
            const res = await send(i);
            if (res.status === 201) acked.set(i, ((await res.json()) as { receipt: string }).receipt);
          } catch {
            // connection cut by the kill: not acknowledged, the client will retry
          }
        }
      }),
    );
    await killing;
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.size).toBeLessThan(TOTAL);

    server = await startPortalProcess({ ...env, PORT: new URL(server.url).port });
    try {
      // every acknowledged receipt is there
      for (const [, receipt] of acked) {
        const res = await api('/api/v1/tips/lookup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ receipt }),
        });
        expect(res.status).toBe(200);
      }
      // every client retries what it did not see acknowledged (and a few it did): one tip per key
      for (let i = 0; i < TOTAL; i++) {
        if (acked.has(i) && i % 25 !== 0) continue;
        const res = await send(i);
        expect(res.status).toBe(201);
        const { receipt } = (await res.json()) as { receipt: string };
        if (acked.has(i)) expect(receipt).toBe(acked.get(i));
      }
      const list = (await (await api('/api/v1/admin/tips', { headers: admin })).json()) as { total: number };
      expect(list.total).toBe(TOTAL);
      // every tip is announced (claims cut by the kill expire after their 60 s lease)
      const announced = () => new Set(hooks.flatMap((h) => h.tipIds.split(',')));
      const deadline = Date.now() + 150_000;
      while (announced().size < TOTAL && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(announced().size).toBe(TOTAL);
      // a message keeps its id and its tips however often it was sent, and no tip is in two messages
      const tipsOfId = new Map<string, string>();
      for (const h of hooks) {
        expect(tipsOfId.get(h.id) ?? h.tipIds).toBe(h.tipIds);
        tipsOfId.set(h.id, h.tipIds);
      }
      const named = [...tipsOfId.values()].flatMap((ids) => ids.split(','));
      expect(named).toHaveLength(TOTAL);
    } finally {
      await server.stop();
    }
  });
});
