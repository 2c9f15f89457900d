import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '@portal/db';
import { listings, outbox } from '@portal/db/schema';
import { backends, type TestBackend } from '@portal/db/testing';
import { readSnapshotHeader, SNAPSHOT_FORMAT } from '@portal/search';
import { eq, lte } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personDraft } from '../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { snapshotPath } from './index-snapshot.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token: 'admin',
});

async function publish(t: TestRuntime, name: string): Promise<string> {
  const { id } = (await (await t.request('/api/v1/admin/listings', json(personDraft({ name })))).json()) as {
    id: string;
  };
  const res = await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
  expect(res.status).toBe(200);
  await t.rt.drainPublisher();
  return id;
}

/** Ids the public search finds for `q`, and whether the public detail page answers for `id`. */
async function found(t: TestRuntime, q: string): Promise<string[]> {
  const res = await t.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
  return ((await res.json()) as { hits: { id: string }[] }).hits.map((h) => h.id);
}
async function detailShown(t: TestRuntime, id: string): Promise<boolean> {
  return (await t.request(`/api/v1/listings/${id}`)).status === 200;
}

const logged = (t: TestRuntime, msg: string) =>
  t.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);

/** A runtime with its own DATA_DIR on a shared database (a server that stops and starts again). */
const seeded = new WeakSet<DatabaseHandle>();
async function server(backend: TestBackend, database: DatabaseHandle, dataDir: string, extra = {}) {
  const t = await openTestRuntime(
    backend,
    { DATA_DIR: dataDir, ...extra },
    { database, keepDatabaseOpen: true, seedStaff: !seeded.has(database) },
  );
  seeded.add(database);
  return t;
}

describe.each(backends())('search index snapshot on $kind', (backend) => {
  it('starts from the snapshot, then drops what was removed and adds what was published while it was down', async () => {
    const database = await backend.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-snapshot-'));
    try {
      const first = await server(backend, database, dataDir);
      expect(logged(first, 'search index rebuilt from the database')[0]?.reason).toBe('no snapshot');
      const kept = await publish(first, '孙快照');
      const removedViaApp = await publish(first, '周下线');
      const removedByHand = await publish(first, '吴手改');
      await first.close(); // writes the snapshot at shutdown
      expect(readSnapshotHeader(snapshotPath(dataDir))).toMatchObject({ format: SNAPSHOT_FORMAT, live: 3 });

      // while it is down: another process (its own DATA_DIR) removes one listing and publishes
      // another through the API (change feed rows, handled by its publisher), and someone edits
      // the table by hand (no feed row at all)
      const other = await server(backend, database, mkdtempSync(join(tmpdir(), 'portal-other-')));
      await other.request(`/api/v1/admin/listings/${removedViaApp}/remove`, json({ reason: 'performed' }));
      const publishedMeanwhile = await publish(other, '郑新增');
      await other.rt.drainPublisher();
      await other.close();
      await database.db
        .update(listings)
        .set({ status: 'removed', removedAt: new Date(), removalReason: 'performed' })
        .where(eq(listings.id, removedByHand));

      const restarted = await server(backend, database, dataDir);
      try {
        const [load] = logged(restarted, 'search index loaded from snapshot');
        expect(load).toMatchObject({ fromFeed: 2, removed: 1 });
        // consistent from the first request on, not only after a propagation delay
        expect(await found(restarted, '孙快照')).toEqual([kept]);
        expect(await found(restarted, '周下线')).toEqual([]);
        expect(await detailShown(restarted, removedViaApp)).toBe(false);
        expect(await found(restarted, '吴手改')).toEqual([]);
        expect(await detailShown(restarted, removedByHand)).toBe(false);
        expect(await found(restarted, '郑新增')).toEqual([publishedMeanwhile]);
      } finally {
        await restarted.close();
      }
    } finally {
      await database.close();
    }
  });

  it('rebuilds from the database when the snapshot is corrupt, of another format or key, or older than the feed', async () => {
    const database = await backend.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-snapshot-'));
    const path = snapshotPath(dataDir);
    try {
      const first = await server(backend, database, dataDir);
      const kept = await publish(first, '孙快照');
      const removed = await publish(first, '周下线');
      await first.close();
      const good = readFileSync(path);
      // the listing leaves while the server is down; every start below must not show it
      const remover = await server(backend, database, mkdtempSync(join(tmpdir(), 'portal-other-')));
      await remover.request(`/api/v1/admin/listings/${removed}/remove`, json({ reason: 'performed' }));
      await remover.rt.drainPublisher();
      await remover.close();

      const corrupt = Buffer.from(good);
      corrupt[Math.floor(corrupt.length / 2)]! ^= 0xff;
      const otherFormat = Buffer.from(good);
      otherFormat.writeUInt32LE(SNAPSHOT_FORMAT + 1, 8);
      const cases: [string, Buffer, Record<string, string>, RegExp][] = [
        ['corrupt', corrupt, {}, /checksum|mismatch|truncated/],
        ['other format', otherFormat, {}, /format/],
        [
          'other identifier key',
          good,
          { IDENTIFIER_HMAC_KEY: 'another-hmac-key-0123456789' },
          /identifier key/,
        ],
      ];
      for (const [what, content, env, reason] of cases) {
        writeFileSync(path, content);
        const t = await server(backend, database, dataDir, env);
        try {
          expect(logged(t, 'search index loaded from snapshot'), what).toEqual([]);
          expect(String(logged(t, 'search index rebuilt from the database')[0]?.reason), what).toMatch(
            reason,
          );
          expect(await found(t, '孙快照'), what).toEqual([kept]);
          expect(await found(t, '周下线'), what).toEqual([]);
        } finally {
          await t.close();
        }
      }

      // the feed no longer holds the changes since the snapshot's position (pruned)
      writeFileSync(path, good);
      const { position } = readSnapshotHeader(path);
      const later = await server(backend, database, mkdtempSync(join(tmpdir(), 'portal-other-')));
      await publish(later, '郑新增');
      await later.close();
      await database.db.delete(outbox).where(lte(outbox.id, position + 1));
      const t = await server(backend, database, dataDir);
      try {
        expect(logged(t, 'search index rebuilt from the database')[0]?.reason).toBe(
          'snapshot older than the change feed retention',
        );
        expect(await found(t, '周下线')).toEqual([]);
        expect((await found(t, '郑新增')).length).toBe(1);
      } finally {
        await t.close();
      }
    } finally {
      await database.close();
    }
  });
});
