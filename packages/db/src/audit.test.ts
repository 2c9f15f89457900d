import { eq, sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { appendAudit, auditHead, verifyAuditChain } from './audit.ts';
import type { Database } from './client.ts';
import { auditLog } from './schema/index.ts';
import { forEachBackend } from './testing.ts';

async function appendMany(db: Database, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await appendAudit(db, {
      actor: 'staff:1',
      action: 'listing.publish',
      entity: 'listing',
      entityId: `L${i}`,
      reason: i % 2 ? undefined : '依申请发布',
      details: { n: i, nested: { z: 1, a: [1, 'b'] } },
    });
  }
}

/** What a DBA could do: switch the append-only trigger off, then edit. */
async function tamper(db: Database, edit: string): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await db.execute(sql.raw(edit));
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
}

forEachBackend('audit chain', (t) => {
  test('a clean chain verifies and counts every row', async () => {
    await appendMany(t.db, 5);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 5 });
  });

  test('an empty log verifies', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 0 });
  });

  test('verifies across pages of rows', async () => {
    await appendMany(t.db, 7);
    expect(await verifyAuditChain(t.db, { pageSize: 3 })).toEqual({ ok: true, count: 7 });
  });

  test('names the row whose reason was altered behind the trigger', async () => {
    await appendMany(t.db, 5);
    await tamper(t.db, `update audit_log set reason = '无' where seq = 3`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 3 });
  });

  test('detects an altered details field', async () => {
    await appendMany(t.db, 3);
    await tamper(t.db, `update audit_log set details = '{"n": 20}' where seq = 2`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 2 });
  });

  test('detects a deleted row at the row that follows it', async () => {
    await appendMany(t.db, 5);
    await tamper(t.db, 'delete from audit_log where seq = 2');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 3 });
  });

  test('detects a deleted first row', async () => {
    await appendMany(t.db, 3);
    await tamper(t.db, 'delete from audit_log where seq = 1');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 2 });
  });

  test('detects lost newest rows against an anchor kept elsewhere', async () => {
    await appendMany(t.db, 4);
    const anchor = await auditHead(t.db);
    await tamper(t.db, 'delete from audit_log where seq = 4');
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 3 });
    expect(await verifyAuditChain(t.db, { anchor: anchor! })).toMatchObject({ ok: false, seq: 4 });
  });

  test('rolls back with the transaction it belongs to', async () => {
    await appendMany(t.db, 1);
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'a', action: 'x', entity: 'listing', entityId: 'L9' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await appendMany(t.db, 1);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 2 });
  });

  test('concurrent appends never fork the chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(t.db, { actor: `w${i}`, action: 'tip.read', entity: 'tip', entityId: String(i) }),
      ),
    );
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 20 });
  });

  test('never stores a full ID number in details or reason', async () => {
    const row = await appendAudit(t.db, {
      actor: 'staff:1',
      action: 'listing.create',
      entity: 'listing',
      entityId: 'L1',
      reason: '更正 46010319800101123X 的记录',
      details: { idNumber: '460103198001011234', list: ['46010319800101123x'] },
    });
    const [stored] = await t.db.select().from(auditLog).where(eq(auditLog.seq, row.seq));
    const { hash: _hash, prevHash: _prev, ...content } = stored!;
    expect(JSON.stringify(content)).not.toMatch(/\d{17}[\dXx]/);
    expect(stored?.details).toEqual({ idNumber: '4601031980****1234', list: ['4601031980****123X'] });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 1 });
  });
});
