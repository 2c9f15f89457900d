import { idNumberCheckChar, maskIdNumber } from '@portal/domain';
import { expect, test } from 'vitest';
import { migrateIdNumbersAtRest } from './id-number-migration.ts';
import { createIdNumberVault, IdNumberVaultError } from './id-number-vault.ts';
import { getListing, insertListings } from './listings-repo.ts';
import { forEachBackend } from './testing.ts';

const hashSecret = 'vault-test-hash-key-0001';
const oldVault = createIdNumberVault({ secrets: ['old-id-number-key-0001'], hashSecret });
const newVault = createIdNumberVault({
  secrets: ['new-id-number-key-0002', 'old-id-number-key-0001'],
  hashSecret,
});
const first17 = '46010319800101123';
const idNumber = first17 + idNumberCheckChar(first17);

test('AES-256-GCM with a key id: round trip, a fresh IV each time, nothing readable in the ciphertext', () => {
  const a = oldVault.seal(idNumber, 'L1');
  const b = oldVault.seal(idNumber, 'L1');
  expect(a).not.toBe(b);
  expect(a.startsWith(`${oldVault.activeKeyId}.`)).toBe(true);
  expect(a).not.toContain('19800101');
  expect(oldVault.open(a, 'L1')).toBe(idNumber);
});

test('the AAD binds the ciphertext to its row: a value copied to another row does not open', () => {
  const sealed = oldVault.seal(idNumber, 'L1');
  expect(() => oldVault.open(sealed, 'L2')).toThrow(IdNumberVaultError);
  const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'AB' : 'AA'}`;
  expect(() => oldVault.open(tampered, 'L1')).toThrow(IdNumberVaultError);
});

test('the look-up hash is exact: numbers that share the public masked form hash apart', () => {
  // another birth day whose check character fits: the same public form 4601031980****123x
  const sibling = Array.from({ length: 28 }, (_, d) => `46010319800${2}${String(d + 1).padStart(2, '0')}123`)
    .map((first) => first + idNumberCheckChar(first))
    .find((full) => full.slice(14) === idNumber.slice(14))!;
  expect(maskIdNumber(sibling)).toBe(maskIdNumber(idNumber));
  expect(oldVault.hash(idNumber)).toBe(newVault.hash(idNumber));
  expect(oldVault.hash(idNumber)).not.toBe(oldVault.hash(sibling));
  expect(oldVault.hash(idNumber).startsWith(`${oldVault.hashKeyId}:`)).toBe(true);
});

test('rotation: a newer keyring opens values of the old key; the old keyring cannot open the new key', () => {
  expect(newVault.activeKeyId).not.toBe(oldVault.activeKeyId);
  expect(newVault.open(oldVault.seal(idNumber, 'L1'), 'L1')).toBe(idNumber);
  expect(() => oldVault.open(newVault.seal(idNumber, 'L1'), 'L1')).toThrow(/unknown key/);
  expect(() => createIdNumberVault({ secrets: ['short'], hashSecret })).toThrow(IdNumberVaultError);
});

forEachBackend('ID numbers at rest', (t) => {
  const draft = {
    kind: 'person' as const,
    name: '王测试',
    idNumber,
    caseNo: '（2020）琼0106执1号',
    court: '海口市龙华区人民法院',
    filedAt: '2020-05-06',
    basisIssuer: '海口市龙华区人民法院',
    basisDocNo: '（2019）琼0106民初1号',
    obligation: '支付劳动报酬',
    performance: '全部未履行',
    category: 2 as const,
    amountOwedFen: 100,
    livelihood: false,
    region: '海口市',
  };

  test('start-up migration re-encrypts rows made with an older key (rotation), then has nothing left to do', async () => {
    const ids = await insertListings(t.db, [draft, { ...draft, caseNo: '（2020）琼0106执2号' }], {
      vault: oldVault,
    });
    expect(await migrateIdNumbersAtRest(t.db, newVault, 1)).toEqual({ encrypted: 0, reencrypted: 2 });
    for (const id of ids) {
      const row = (await getListing(t.db, id))!;
      expect(newVault.keyIdOf(row.idNumberEnc!)).toBe(newVault.activeKeyId);
      expect(newVault.open(row.idNumberEnc!, id)).toBe(idNumber);
    }
    expect(await migrateIdNumbersAtRest(t.db, newVault)).toEqual({ encrypted: 0, reencrypted: 0 });
  });
});

forEachBackend('ID numbers sealed with a lost key', (t) => {
  test('start-up leaves them untouched and names them instead of failing', async () => {
    const stranger = createIdNumberVault({ secrets: ['some-other-key-00000009'], hashSecret });
    const [id] = await insertListings(
      t.db,
      [
        {
          kind: 'person',
          name: '王测试',
          idNumber,
          caseNo: '（2020）琼0106执9号',
          court: '海口市龙华区人民法院',
          filedAt: '2020-05-06',
          basisIssuer: '海口市龙华区人民法院',
          basisDocNo: '（2019）琼0106民初1号',
          obligation: '支付劳动报酬',
          performance: '全部未履行',
          category: 2,
          amountOwedFen: 100,
          livelihood: false,
          region: '海口市',
        },
      ],
      { vault: stranger },
    );
    const before = await getListing(t.db, id!);
    expect(await migrateIdNumbersAtRest(t.db, newVault)).toEqual({
      encrypted: 0,
      reencrypted: 0,
      unreadable: [id],
    });
    expect(await getListing(t.db, id!)).toEqual(before);
  });
});

forEachBackend('a new look-up hash key', (t) => {
  test('start-up re-hashes rows hashed with another key, so exact look-ups keep working', async () => {
    const [id] = await insertListings(
      t.db,
      [
        {
          kind: 'person',
          name: '王测试',
          idNumber,
          caseNo: '（2020）琼0106执7号',
          court: '海口市龙华区人民法院',
          filedAt: '2020-05-06',
          basisIssuer: '海口市龙华区人民法院',
          basisDocNo: '（2019）琼0106民初1号',
          obligation: '支付劳动报酬',
          performance: '全部未履行',
          category: 2,
          amountOwedFen: 100,
          livelihood: false,
          region: '海口市',
        },
      ],
      { vault: newVault },
    );
    const rehashing = createIdNumberVault({
      secrets: ['new-id-number-key-0002'],
      hashSecret: 'another-hash-key-00002',
    });
    expect(await migrateIdNumbersAtRest(t.db, rehashing)).toEqual({ encrypted: 0, reencrypted: 1 });
    expect((await getListing(t.db, id!))!.idNumberHash).toBe(rehashing.hash(idNumber));
  });
});
