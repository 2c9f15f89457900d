import { idNumberCheckChar, type ListingDraftInput, toPublicListing } from '@portal/domain';
import { expect, test } from 'vitest';
import { createIdNumberVault } from './id-number-vault.ts';
import {
  getListing,
  insertListings,
  listByStatus,
  setListingStatus,
  toListingRecord,
  toNewListingRow,
  toStaffListingRecord,
} from './listings-repo.ts';
import { forEachBackend } from './testing.ts';

const vault = createIdNumberVault({
  secrets: ['repo-test-key-0123456789'],
  hashSecret: 'repo-test-hash-key-0001',
});
const first17 = '46010319800101123';
const idNumber = first17 + idNumberCheckChar(first17);

function person(i: number): ListingDraftInput {
  return {
    kind: 'person',
    name: `王${i}`,
    idNumber,
    caseNo: `（2020）琼0106执${i}号`,
    court: '海口市龙华区人民法院',
    filedAt: '2020-05-06',
    basisIssuer: '海口市龙华区人民法院',
    basisDocNo: '（2019）琼0106民初1号',
    obligation: '支付劳动报酬',
    performance: '全部未履行',
    category: 2,
    amountOwedFen: 1_234_500,
    livelihood: true,
    region: '海口市',
  };
}

test('derives birth date and gender from the ID number and keeps org fields off persons', () => {
  const row = toNewListingRow({ ...person(1), uscc: '91460000MA5T000000' }, { vault });
  expect(row).toMatchObject({ birthDate: '1980-01-01', gender: '男', uscc: null, status: 'draft' });
  expect(row.id).toMatch(/^L[0-9A-Z]{22}$/);
});

test('refuses to store a full ID number without a vault', () => {
  expect(() => toNewListingRow(person(1))).toThrow(/vault/);
});

test('a row inserted as published gets its listing date and term end', () => {
  const row = toNewListingRow(person(1), { status: 'published', today: '2024-02-29', vault });
  expect(row).toMatchObject({ listedAt: '2024-02-29', termEndsAt: '2026-02-28' });
});

forEachBackend('listings repository', (t) => {
  test('inserts in batches and returns ids in input order', async () => {
    const ids = await insertListings(
      t.db,
      Array.from({ length: 25 }, (_, i) => person(i)),
      { batchSize: 10, vault },
    );
    expect(ids).toHaveLength(25);
    expect([...ids].sort()).toEqual(ids);
    expect((await getListing(t.db, ids[24]!))?.name).toBe('王24');
  });

  test('pages through a status newest first with the total', async () => {
    const ids = await insertListings(
      t.db,
      Array.from({ length: 7 }, (_, i) => person(i)),
      { vault },
    );
    const page2 = await listByStatus(t.db, { status: 'draft', page: 2, pageSize: 3 });
    expect(page2.total).toBe(7);
    expect(page2.items.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect((await listByStatus(t.db, { status: 'published' })).total).toBe(0);
  });

  test('publishing sets the listing date and term and bumps the version', async () => {
    const [id] = await insertListings(t.db, [person(1)], { vault });
    const row = await setListingStatus(t.db, id!, { status: 'published', today: '2025-03-01' });
    expect(row).toMatchObject({
      status: 'published',
      listedAt: '2025-03-01',
      termEndsAt: '2027-03-01',
      version: 2,
    });
    expect(row?.publishedAt).toBeInstanceOf(Date);
  });

  test('removal records the reason; a draft cannot be removed nor a removed listing published', async () => {
    const [id] = await insertListings(t.db, [person(1)], { vault });
    expect(await setListingStatus(t.db, id!, { status: 'removed', reason: 'performed' })).toBeUndefined();
    await setListingStatus(t.db, id!, { status: 'published' });
    const removed = await setListingStatus(t.db, id!, { status: 'removed', reason: 'performed' });
    expect(removed).toMatchObject({ status: 'removed', removalReason: 'performed', version: 3 });
    expect(await setListingStatus(t.db, id!, { status: 'published' })).toBeUndefined();
  });

  test('a stale expected version changes nothing', async () => {
    const [id] = await insertListings(t.db, [person(1)], { vault });
    expect(
      await setListingStatus(t.db, id!, { status: 'published' }, { expectedVersion: 5 }),
    ).toBeUndefined();
    expect((await getListing(t.db, id!))?.status).toBe('draft');
    expect(await setListingStatus(t.db, 'missing', { status: 'published' })).toBeUndefined();
  });

  test('a stored row holds no clear ID number; the public record carries only the masked form', async () => {
    const [id] = await insertListings(t.db, [person(1)], { status: 'published', today: '2025-01-02', vault });
    const row = (await getListing(t.db, id!))!;
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(row.idNumberHash).toBe(vault.hash(idNumber));
    expect(toStaffListingRecord(row, vault).idNumber).toBe(idNumber);
    const record = toListingRecord(row);
    expect(record).toMatchObject({ birthDate: '1980-01-01', removedAt: null });
    expect(record.idNumber).toBe(`4601031980****123${idNumber[17]}`);
    const pub = toPublicListing(record);
    expect(pub).toMatchObject({ age: 45, gender: '男', idNumberMasked: `4601031980****123${idNumber[17]}` });
    expect(JSON.stringify(pub)).not.toContain(idNumber);
  });
});
