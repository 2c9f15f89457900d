import { verifyAuditChain } from '@portal/db';
import { tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import type { PreparedTip } from './prepared-tip.ts';
import { storeTipBatch } from './tip-batch-writer.ts';
import { day, lookup, publishedListing, publishedRewardNotice, submit, tipBody } from './tips-testing.ts';

/** Counts the transactions the runtime's database opens (a batch of tips is one). */
function countTransactions(t: TestRuntime): { count: number } {
  const db = t.rt.deps.db;
  const original = db.transaction.bind(db);
  const counter = { count: 0 };
  (db as { transaction: unknown }).transaction = (...args: Parameters<typeof original>) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}

describe.each(backends())('group commit of tips on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    listingId = await publishedListing(t, 'U-A');
  });
  afterEach(() => t?.close());

  const publishedNotice = () => publishedRewardNotice(t, listingId);

  it('stores tips arriving together in fewer transactions; a bad one gets its own error, the others are committed, numbered without gaps', async () => {
    const noticeId = await publishedNotice();
    const auditBefore = await verifyAuditChain(t.rt.deps.db);
    const transactions = countTransactions(t);
    const claim = (i: number) =>
      tipBody(listingId, {
        description: `第 ${i} 条线索：在海口见到此人驾车。`,
        rewardNoticeId: noticeId,
        contactName: '王举报',
        contactPhone: '13912345678',
      });
    const first = await submit(t, claim(0), { 'Idempotency-Key': 'reused-key' });
    expect(first.res.status).toBe(201);
    const requests = [
      ...Array.from({ length: 24 }, (_, i) => submit(t, claim(i + 1), { 'Idempotency-Key': `k-${i}` })),
      submit(t, tipBody('L-NOPE'), { 'Idempotency-Key': 'bad-listing' }),
      submit(t, { ...claim(99), rewardNoticeId: 'R-NOPE' }),
      submit(t, claim(98), { 'Idempotency-Key': 'reused-key' }),
    ];
    const answers = await Promise.all(requests);
    const good = answers.slice(0, 24);
    expect(good.map((a) => a.res.status)).toEqual(Array(24).fill(201));
    const [badListing, badNotice, reusedKey] = answers.slice(24);
    expect(badListing!.res.status).toBe(404);
    expect(badListing!.body.error?.code).toBe('LISTING_NOT_FOUND');
    expect(badNotice!.res.status).toBe(404);
    expect(badNotice!.body.error?.field).toBe('rewardNoticeId');
    expect(reusedKey!.res.status).toBe(422);
    expect(reusedKey!.body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const replay = await submit(t, claim(0), { 'Idempotency-Key': 'reused-key' });
    expect(replay.res.status).toBe(201);
    expect(replay.body.receipt).toBe(first.body.receipt);
    // 25 stored tips (the first and 24), numbered 1..25 with no gap or repeat
    const numbers = [first, ...good].map((a) => a.body.registrationNo as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await t.rt.deps.db.$count(tips)).toBe(25);
    expect(transactions.count).toBeLessThan(24);
    for (const a of good) expect((await lookup(t, a.body.receipt)).status).toBe(200);
    expect(await verifyAuditChain(t.rt.deps.db)).toEqual(auditBefore);
  });

  it('stores every field of tips sent together exactly as sent: quotes, backslashes, braces, commas, "NULL", empty and absent values', async () => {
    const awkward = [
      '他说："车停在 {地下} 车库，B2,C3 区"。',
      'C:\\路径\\ 与 \\" 反斜杠',
      'NULL',
      '多行\n第二行\t制表符',
      "单引号 ' 与 ;-- 注释",
    ];
    const bodies = awkward.map((description, i) =>
      tipBody(listingId, {
        kind: i % 2 ? 'asset' : 'consumption',
        ...(i % 2 ? { assetType: 'vehicle', consumptionItem: undefined } : {}),
        description,
        place: i === 0 ? '' : `地点 "${i}"`,
        ...(i === 1 ? { location: { lat: 20.0123456789, lng: -110.5 } } : {}),
        ...(i === 2 ? { seenAt: undefined } : {}),
        ...(i === 3 ? { contactName: '王举报', contactPhone: '13912345678' } : {}),
      }),
    );
    const answers = await Promise.all(bodies.map((b) => submit(t, b)));
    expect(answers.map((a) => a.res.status)).toEqual(Array(awkward.length).fill(201));
    const rows = await t.rt.deps.db.select().from(tips);
    for (const [i, description] of awkward.entries()) {
      const row = rows.find((r) => r.description === description);
      expect(row, description).toBeDefined();
      expect(row!.kind).toBe(i % 2 ? 'asset' : 'consumption');
      expect(row!.assetType).toBe(i % 2 ? 'vehicle' : null);
      expect(row!.consumptionItem).toBe(i % 2 ? null : 1);
      expect(row!.place).toBe(i === 0 ? null : `地点 "${i}"`);
      expect([row!.locationLat, row!.locationLng]).toEqual(i === 1 ? [20.0123456789, -110.5] : [null, null]);
      expect(row!.seenAt?.toISOString() ?? null).toBe(i === 2 ? null : '2026-11-23T01:30:00.000Z');
      expect(row!.hasContact).toBe(i === 3);
      expect(row!.contactSealed === null).toBe(i !== 3);
      expect([row!.rewardNoticeId, row!.registrationNo, row!.registeredAt, row!.photoCount]).toEqual([
        null,
        null,
        null,
        0,
      ]);
    }
  });

  it('answers 503 to every tip of a batch whose commit fails, stores none, and takes the same keys again afterwards', async () => {
    const db = t.rt.deps.db;
    const original = db.transaction.bind(db);
    (db as { transaction: unknown }).transaction = (run: Parameters<typeof original>[0]) =>
      original(async (tx) => {
        await run(tx);
        // what a lost connection or a full disk at COMMIT looks like to the caller
        throw new Error('connection lost during COMMIT');
      });
    const send = () =>
      Promise.all(
        Array.from({ length: 6 }, (_, i) => submit(t, tipBody(listingId), { 'Idempotency-Key': `c-${i}` })),
      );
    const failed = await send();
    expect(failed.map((a) => a.res.status)).toEqual(Array(6).fill(503));
    expect(failed[0]!.body.error?.code).toBe('STORAGE_UNAVAILABLE');
    expect(failed[0]!.body.error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.$count(tips)).toBe(0);
    (db as { transaction: unknown }).transaction = original;
    const retried = await send();
    expect(retried.map((a) => a.res.status)).toEqual(Array(6).fill(201));
    expect(await db.$count(tips)).toBe(6);
  });

  describe('a tip the database refuses does not fail the others of its batch', () => {
    const prepared = (i: number, over: Partial<PreparedTip> = {}): PreparedTip => ({
      tipId: `T-batch-${i}`,
      fields: { listingId, kind: 'whereabouts', description: `线索 ${i}` },
      receipt: `RCPT-${i}`,
      receiptHash: `hash-${i}`,
      contactSealed: null,
      staged: [],
      attachments: [],
      openidSealed: null,
      mediaChecks: false,
      idempotency: null,
      today: day(0),
      ...over,
    });
    const deps = () => ({ db: t.rt.deps.db, dbKind: t.rt.deps.dbKind, notify: t.rt.deps.tips.notify });

    it('a value the table’s CHECK refuses: that tip gets the database error, the others are stored', async () => {
      const bad = prepared(1, { fields: { listingId, kind: 'rumour' as 'other', description: '坏的' } });
      const outcomes = await storeTipBatch(deps(), [prepared(0), bad, prepared(2)]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      const error = (outcomes[1] as { error: unknown }).error;
      expect(
        JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).cause),
      ).toMatch(/tips_kind_ck/);
      const stored = (await t.rt.deps.db.select({ id: tips.id }).from(tips)).map((r) => r.id).sort();
      expect(stored).toEqual(['T-batch-0', 'T-batch-2']);
    });

    it('a staged photo gone by the time of the transaction: that tip answers 400, the batch is redone without it', async () => {
      const gone = prepared(1, {
        fields: { listingId, kind: 'other', description: '带照片', photoIds: ['p-gone'] },
        staged: [
          {
            idHash: 'no-such-upload',
            path: 'x.jpg',
            contentType: 'image/jpeg',
            bytes: 1,
            width: 1,
            height: 1,
            sha256: 'x',
            expiresAt: new Date(Date.now() + 60_000),
            createdAt: new Date(),
          } as PreparedTip['staged'][number],
        ],
      });
      const outcomes = await storeTipBatch(deps(), [prepared(0), gone, prepared(2)]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      const error = (outcomes[1] as { error: unknown }).error;
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect(await t.rt.deps.db.$count(tips)).toBe(2);
    });

    it.runIf(backend.kind === 'postgres')(
      'a key another process is still handling (its advisory lock held): that tip answers 409, the others are stored',
      async () => {
        const key = (i: number) => ({
          keyHash: `key-hash-${i}`,
          clientKey: `client-key-${i}`,
          fingerprint: 'f',
        });
        let outcomes: Awaited<ReturnType<typeof storeTipBatch>> = [];
        // the other process: a transaction holding the lock of key 1 while the batch is written
        await t.rt.deps.db.transaction(async (other) => {
          await other.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'key-hash-1'}, 0))`);
          outcomes = await storeTipBatch(deps(), [
            prepared(0, { idempotency: key(0) }),
            prepared(1, { idempotency: key(1) }),
            prepared(2, { idempotency: key(2) }),
          ]);
        });
        expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
        expect(((outcomes[1] as { error: unknown }).error as ApiError).code).toBe('IDEMPOTENCY_IN_FLIGHT');
        expect((await t.rt.deps.db.select({ id: tips.id }).from(tips)).map((r) => r.id).sort()).toEqual([
          'T-batch-0',
          'T-batch-2',
        ]);
        // once the other process is done, the same key is taken
        const again = await storeTipBatch(deps(), [prepared(1, { idempotency: key(1) })]);
        expect(again.map((o) => o.ok)).toEqual([true]);
      },
    );
  });
});
