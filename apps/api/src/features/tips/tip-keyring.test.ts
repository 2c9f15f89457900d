import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTipKeyring, deriveKeyForTest, openWithClientKey, sealWithClientKey } from './tip-keyring.ts';

const aad = { table: 'tips', column: 'contact_sealed', rowId: 'T1' };

describe('tip keyring (AES-256-GCM, HKDF per purpose, AAD bound to the row)', () => {
  it('derives the same keys as HKDF-SHA256 did before (values sealed then still open)', () => {
    for (const master of ['', 'k', 'bench-7', '举报-密钥-🔑', 'x'.repeat(300)])
      for (const purpose of ['tip-contact', 'idempotency-response', 'tip-receipt'])
        expect(deriveKeyForTest(master, purpose)).toEqual(
          Buffer.from(
            hkdfSync('sha256', Buffer.from(master, 'utf8'), Buffer.alloc(0), `portal-tips/${purpose}`, 32),
          ),
        );
  });

  it('opens what it sealed, and never under another purpose, row, column or table', () => {
    const ring = createTipKeyring(['master-secret-one-0123456789']);
    const sealed = ring.seal('tip-contact', '{"phone":"13912345678"}', aad);
    expect(sealed).not.toContain('139');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(ring.open('tip-contact', sealed, aad)).toBe('{"phone":"13912345678"}');
    expect(() => ring.open('tip-contact', sealed, { ...aad, rowId: 'T2' })).toThrow();
    expect(() => ring.open('tip-contact', sealed, { ...aad, table: 'corrections' })).toThrow();
    expect(() => ring.open('other-purpose', sealed, aad)).toThrow();
  });

  it('rotates: a new master seals, the old one still opens older values (key id names it)', () => {
    const old = createTipKeyring(['master-secret-one-0123456789']);
    const sealedOld = old.seal('tip-contact', 'old', aad);
    const rotated = createTipKeyring(['master-secret-two-0123456789', 'master-secret-one-0123456789']);
    expect(rotated.open('tip-contact', sealedOld, aad)).toBe('old');
    const sealedNew = rotated.seal('tip-contact', 'new', aad);
    expect(sealedNew.split('.')[1]).not.toBe(sealedOld.split('.')[1]);
    expect(() => old.open('tip-contact', sealedNew, aad)).toThrow();
  });

  it('keys receipt MACs by the pepper, so rotating encryption keys keeps receipts valid', () => {
    const a = createTipKeyring(['m1-0123456789abcdef'], 'pepper-0123456789');
    const b = createTipKeyring(['m2-0123456789abcdef', 'm1-0123456789abcdef'], 'pepper-0123456789');
    expect(a.mac('tip-receipt', 'ABCD')).toBe(b.mac('tip-receipt', 'ABCD'));
    expect(a.sameMac(a.mac('tip-receipt', 'ABCD'), b.mac('tip-receipt', 'ABCE'))).toBe(false);
  });

  it('seals an idempotent response under the client key only', () => {
    const sealed = sealWithClientKey('client-key-1', '{"receipt":"X"}');
    expect(openWithClientKey('client-key-1', sealed)).toBe('{"receipt":"X"}');
    expect(() => openWithClientKey('client-key-2', sealed)).toThrow();
  });
});
