/**
 * Two real server processes (`npm start`) on one PostgreSQL: whatever changes through one is seen
 * by the other within 2 s (search, API detail, listing page, stats), also when a NOTIFY is lost.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personDraft, staffApi } from '../support/staff-api.ts';
import { type RunningServer, startServer } from '../support/start-server.ts';

const serverUrl = process.env.TEST_DATABASE_URL || inject('testDatabaseUrl');
const TOKEN = 'e2e-multi-process-token-0123456789';

/** Polls until `check` holds; resolves with the time it took (ms). */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const status = async (url: string) => (await fetch(url)).status;
const searchIds = async (base: string, q: string) =>
  (
    (await (await fetch(`${base}api/v1/search?q=${encodeURIComponent(q)}`)).json()) as {
      hits: { id: string }[];
    }
  ).hits.map((h) => h.id);
const stats = async (base: string) => (await fetch(`${base}api/v1/stats`)).json();

describe.skipIf(!serverUrl)('two server processes on one PostgreSQL', () => {
  let a: RunningServer;
  let b: RunningServer;
  let admin: postgres.Sql;
  let databaseUrl: string;
  let dbName: string;

  beforeAll(async () => {
    dbName = `mp_${randomBytes(6).toString('hex')}`;
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${dbName}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    // one DATA_DIR: the second process reuses the first one's site build; keys shared explicitly
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-mp-'));
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DEMO_RECORDS: '50',
      STAFF_BOOTSTRAP_TOKEN: TOKEN,
      IDENTIFIER_HMAC_KEY: 'mp-identifier-key-0123456789',
      CONTACT_ENCRYPTION_KEY: 'mp-contact-key-0123456789abcdef',
      RATE_LIMIT_PER_MIN: '0',
    };
    a = await startServer(env);
    b = await startServer(env);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await admin?.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin?.end();
  });

  it('publish through one → found on the other; remove through the other → gone from the first', async () => {
    const staffA = staffApi(a.url, TOKEN);
    const staffB = staffApi(b.url, TOKEN);
    const name = '符双进程';
    const id = await staffA.createPublished(personDraft(101, { name }));
    const foundMs = await within(2000, async () => (await searchIds(b.url, name)).includes(id));
    await within(2000, async () => (await status(`${b.url}api/v1/listings/${id}`)) === 200);
    await within(2000, async () => (await status(`${b.url}listings/${id}/`)) === 200);
    // the first process has served (and cached) everything before the removal
    expect(await searchIds(a.url, name)).toContain(id);
    expect(await status(`${a.url}listings/${id}/`)).toBe(200);
    expect(await status(`${a.url}api/v1/listings/${id}`)).toBe(200);

    await staffB.remove(id);
    const goneMs = await within(2000, async () => {
      const [hits, detail, page] = await Promise.all([
        searchIds(a.url, name),
        status(`${a.url}api/v1/listings/${id}`),
        status(`${a.url}listings/${id}/`),
      ]);
      return !hits.includes(id) && detail === 410 && page === 410;
    });
    await within(2000, async () => JSON.stringify(await stats(a.url)) === JSON.stringify(await stats(b.url)));
    console.info(
      `[multi-process] publish→found on other ${foundMs.toFixed(0)} ms; remove→gone ${goneMs.toFixed(0)} ms`,
    );
  });

  it('a never-published draft is a neutral 404 on both, never "removed" (410)', async () => {
    const staffA = staffApi(a.url, TOKEN);
    const { id } = await staffA.call<{ id: string }>('POST', '/api/v1/admin/listings', personDraft(102));
    for (const base of [a.url, b.url]) {
      expect(await status(`${base}api/v1/listings/${id}`)).toBe(404);
      const page = await fetch(`${base}listings/${id}/`);
      expect(page.status).toBe(404);
      const html = await page.text();
      expect(html).toContain('未找到');
      expect(html).not.toContain('已依法删除');
    }
  });

  it('catches up after a lost notification (no NOTIFY at all for one change)', async () => {
    const staffA = staffApi(a.url, TOKEN);
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await db.unsafe('alter table outbox disable trigger outbox_change_feed');
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        const name = `符丢通知${'甲乙丙丁戊'[i]}`;
        const id = await staffA.createPublished(personDraft(110 + i, { name }));
        delays.push(await within(2000, async () => (await status(`${b.url}listings/${id}/`)) === 200));
        expect(await searchIds(b.url, name)).toContain(id);
      }
      console.info(
        `[multi-process] lost NOTIFY, listing live on the other process after: ${delays.map((d) => d.toFixed(0)).join(', ')} ms`,
      );
    } finally {
      await db.unsafe('alter table outbox enable trigger outbox_change_feed');
      await db.end();
    }
  });

  it('catches up after its LISTEN connection is cut', async () => {
    const staffA = staffApi(a.url, TOKEN);
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const cut = await db.unsafe(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`,
      );
      expect(cut.length).toBeGreaterThan(0);
      const name = '符断连接';
      const id = await staffA.createPublished(personDraft(120, { name }));
      const ms = await within(2000, async () => (await searchIds(b.url, name)).includes(id));
      console.info(
        `[multi-process] LISTEN connection cut: change seen on the other process after ${ms.toFixed(0)} ms`,
      );
    } finally {
      await db.end();
    }
  });
});
