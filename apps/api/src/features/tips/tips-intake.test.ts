import { idempotencyKeys, tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { CONTACT_AAD } from './tip-intake.ts';
import { json, lookup, publishedListing, submit, tipBody } from './tips-testing.ts';

describe.each(backends())('tip intake on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    listingId = await publishedListing(t);
  });
  afterEach(() => t?.close());

  it('answers 201 with an 80-bit receipt in groups of four, and the receipt shows the status', async () => {
    const { res, body } = await submit(t, tipBody(listingId));
    expect(res.status).toBe(201);
    expect(body.receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(body).not.toHaveProperty('registrationNo');
    const found = await lookup(t, body.receipt.toLowerCase().replaceAll('-', ' '));
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ status: 'received', statusLabel: '已收到', messages: [] });
  });

  it('stores the receipt only as a keyed hash and the contact only sealed to its row', async () => {
    const { body } = await submit(
      t,
      tipBody(listingId, { contactName: '王举报', contactPhone: '13912345678' }),
    );
    const rows = await t.rt.deps.db.select().from(tips);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('13912345678');
    expect(dump).not.toContain('王举报');
    expect(dump).not.toContain(body.receipt.replaceAll('-', ''));
    const sealed = rows[0]!.contactSealed!;
    const ring = t.rt.deps.tips.keyring;
    expect(JSON.parse(ring.open('tip-contact', sealed, CONTACT_AAD(rows[0]!.id)))).toEqual({
      name: '王举报',
      phone: '13912345678',
    });
    // the same ciphertext moved to another row (or column) does not open
    expect(() => ring.open('tip-contact', sealed, CONTACT_AAD('T-another-row'))).toThrow();
    expect(() =>
      ring.open('tip-contact', sealed, { ...CONTACT_AAD(rows[0]!.id), column: 'place' }),
    ).toThrow();
    expect(() => ring.open('reward-contact', sealed, CONTACT_AAD(rows[0]!.id))).toThrow();
  });

  it('answers an unknown or malformed receipt 404 with the same envelope', async () => {
    await submit(t, tipBody(listingId));
    for (const receipt of ['0000-0000-0000-0000', 'not a receipt']) {
      const res = await lookup(t, receipt);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RECEIPT_NOT_FOUND');
    }
    expect((await lookup(t, 'x'.repeat(41))).status).toBe(400);
  });

  describe('Idempotency-Key', () => {
    it('answers the same receipt for the same key and body, and stores one tip', async () => {
      const key = { 'Idempotency-Key': 'form-7f3a9c' };
      const first = await submit(t, tipBody(listingId), key);
      const again = await submit(t, tipBody(listingId), key);
      expect(first.res.status).toBe(201);
      expect(again.res.status).toBe(201);
      expect(again.body.receipt).toBe(first.body.receipt);
      expect(await t.rt.deps.db.$count(tips)).toBe(1);
      // the stored response does not hold the receipt in clear
      const [stored] = await t.rt.deps.db.select().from(idempotencyKeys);
      expect(JSON.stringify(stored)).not.toContain(first.body.receipt);
      expect(JSON.stringify(stored)).not.toContain('form-7f3a9c');
    });

    it('answers 422 for the same key with another body, and stores nothing more', async () => {
      const key = { 'Idempotency-Key': 'form-reused' };
      await submit(t, tipBody(listingId), key);
      const other = await submit(t, tipBody(listingId, { description: '另一条线索。' }), key);
      expect(other.res.status).toBe(422);
      expect(other.body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await t.rt.deps.db.$count(tips)).toBe(1);
    });

    it('answers 409 while the first request with the key is still being handled', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      t.rt.deps.tips.moderation = { check: () => gate.then(() => ({ ok: true })) };
      const key = { 'Idempotency-Key': 'slow-one' };
      const first = submit(t, tipBody(listingId), key);
      await new Promise((r) => setTimeout(r, 50));
      const second = await submit(t, tipBody(listingId), key);
      expect(second.res.status).toBe(409);
      expect(second.body.error?.code).toBe('IDEMPOTENCY_IN_FLIGHT');
      release();
      expect((await first).res.status).toBe(201);
      const third = await submit(t, tipBody(listingId), key);
      expect(third.body.receipt).toBe((await first).body.receipt);
      expect(await t.rt.deps.db.$count(tips)).toBe(1);
    });

    it('refuses a key longer than 255 characters and does not store a failed validation', async () => {
      const long = await submit(t, tipBody(listingId), { 'Idempotency-Key': 'k'.repeat(256) });
      expect(long.res.status).toBe(400);
      const bad = await submit(t, tipBody(listingId, { description: '' }), { 'Idempotency-Key': 'k1' });
      expect(bad.res.status).toBe(400);
      const good = await submit(t, tipBody(listingId), { 'Idempotency-Key': 'k1' });
      expect(good.res.status).toBe(201);
    });
  });

  describe('bad input changes nothing', () => {
    it.each([
      ['empty description', { description: '   ' }, 'description'],
      ['description over 2,000 characters', { description: '字'.repeat(2001) }, 'description'],
      ['unknown kind', { kind: 'rumour' }, 'kind'],
      ['consumption item 10', { consumptionItem: 10 }, 'consumptionItem'],
      ['bad phone', { contactPhone: '123' }, 'contactPhone'],
      ['bad time', { seenAt: '昨天' }, 'seenAt'],
      ['latitude 91', { location: { lat: 91, lng: 110 } }, 'location.lat'],
      ['reward claim without contact', { rewardNoticeId: 'R1' }, 'contactName'],
      [
        'contact in a shape the API does not know',
        { contact: { name: '张三', phone: '13800138000' } },
        'contact',
      ],
    ])('%s → 400 with a zh-CN message on the field', async (_name, overrides, field) => {
      const { res, body } = await submit(t, tipBody(listingId, overrides));
      expect(res.status).toBe(400);
      expect(body.error?.field).toBe(field);
      expect(JSON.stringify(body.error)).toMatch(/[\u4e00-\u9fff]/);
      expect(await t.rt.deps.db.$count(tips)).toBe(0);
    });

    it('refuses a tip on a listing that is not published (404) and malformed JSON (400)', async () => {
      expect((await submit(t, tipBody('L-NOPE'))).res.status).toBe(404);
      const res = await t.request('/api/v1/tips', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"kind":',
      });
      expect(res.status).toBe(400);
      expect(await t.rt.deps.db.$count(tips)).toBe(0);
    });

    it('refuses a filled honeypot with a neutral message', async () => {
      const { res, body } = await submit(t, tipBody(listingId, { website: 'http://spam.example' }));
      expect(res.status).toBe(400);
      expect(body.error?.message).toBe('提交失败，请刷新页面后重试。');
      expect(await t.rt.deps.db.$count(tips)).toBe(0);
    });

    it('refuses an oversized JSON body with 413 and another content type with 415', async () => {
      const big = await t.request('/api/v1/tips', json({ ...tipBody(listingId), place: 'x'.repeat(70_000) }));
      expect(big.status).toBe(413);
      const text = await t.request('/api/v1/tips', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'hi',
      });
      expect(text.status).toBe(415);
      expect(await t.rt.deps.db.$count(tips)).toBe(0);
    });
  });
});

describe.each(backends())('tip throttling on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend, {
      RATE_LIMIT_PER_MIN: '1000',
      TIP_LIMIT_PER_HOUR: '3',
      TIP_LOOKUP_LIMIT_PER_HOUR: '5',
    });
    listingId = await publishedListing(t);
  });
  afterEach(() => t?.close());

  it('limits tips per client per hour with 429 and Retry-After; another client is not affected', async () => {
    const me = { 'x-test-client': '203.0.113.7' };
    for (let i = 0; i < 3; i++) expect((await submit(t, tipBody(listingId), me)).res.status).toBe(201);
    const over = await submit(t, tipBody(listingId), { 'x-test-client': '203.0.113.99' }); // same /24
    expect(over.res.status).toBe(429);
    expect(Number(over.res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await submit(t, tipBody(listingId), { 'x-test-client': '198.51.100.1' })).res.status).toBe(201);
  });

  it('does not count a tip it refused: after three bad requests a corrected tip is accepted', async () => {
    const me = { 'x-test-client': '203.0.113.40' };
    const bad = [
      { ...tipBody(listingId), description: '' },
      { ...tipBody(listingId), kind: 'gossip' },
      { ...tipBody(listingId), listingId: 'L-none' },
    ];
    for (const body of bad) expect((await submit(t, body, me)).res.status).toBeGreaterThanOrEqual(400);
    for (let i = 0; i < 3; i++) expect((await submit(t, tipBody(listingId), me)).res.status).toBe(201);
    expect((await submit(t, tipBody(listingId), me)).res.status).toBe(429);
  });

  it('throttles receipt guessing: the sixth look-up in an hour is refused, even for a real receipt', async () => {
    const { body } = await submit(t, tipBody(listingId), { 'x-test-client': '198.51.100.1' });
    const guesser = { 'x-test-client': '192.0.2.10' };
    for (let i = 0; i < 5; i++) expect((await lookup(t, `AAAA-BBBB-CCCC-000${i}`, guesser)).status).toBe(404);
    const blocked = await lookup(t, body.receipt, guesser);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toBeTruthy();
    expect((await lookup(t, body.receipt, { 'x-test-client': '198.51.100.1' })).status).toBe(200);
  });
});
