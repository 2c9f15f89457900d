import { idNumberCheckChar, type ListingDraftInput } from '@portal/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createIdNumberVault } from './id-number-vault.ts';
import { insertListings, toListingRecord } from './listings-repo.ts';
import { readPublishedRecords, recordOfCopyLine } from './published-records-copy.ts';
import { listings } from './schema/index.ts';
import { backends } from './testing.ts';

const vault = createIdNumberVault({
  secrets: ['copy-test-key-0123456789'],
  hashSecret: 'copy-test-hash-key-0001',
});

function draft(i: number): ListingDraftInput {
  const common = {
    caseNo: `（2020）琼0106执${i}号`,
    court: '海口市龙华区人民法院',
    filedAt: '2020-05-06',
    basisIssuer: '海口市龙华区人民法院',
    basisDocNo: '（2019）琼0106民初1号',
    obligation: '支付劳动报酬',
    performance: '全部未履行',
    category: 2 as const,
    amountOwedFen: 1_234_500 + i,
    livelihood: i % 3 === 0,
    region: i % 2 ? '海口市' : '三亚市',
  };
  if (i % 4 === 3)
    return {
      ...common,
      kind: 'org',
      name: `海南某${i}贸易有限公司`,
      uscc: '91460000MA5T3CYB0B',
      legalRepresentative: '赵某',
    };
  const first17 = `460103198001${String(10 + (i % 18)).padStart(2, '0')}12${i % 10}`;
  return { ...common, kind: 'person', name: `王${i}`, idNumber: first17 + idNumberCheckChar(first17) };
}

describe('a line of COPY text output', () => {
  const fields = (over: Record<number, string>) =>
    Array.from({ length: 30 }, (_, i) => over[i] ?? (i === 18 || i === 19 || i === 29 ? '1' : 'x')).join(
      '\t',
    );

  it('reads \\N as null and undoes the escapes of tab, newline, carriage return and backslash', () => {
    const record = recordOfCopyLine(fields({ 4: '\\N', 16: 'a\\tb\\nc\\rd\\\\e', 20: 't', 26: 'f' }));
    expect(record.idNumber).toBeNull();
    expect(record.obligation).toBe('a\tb\nc\rd\\e');
    expect(record.livelihood).toBe(true);
    expect(record.demo).toBe(false);
  });

  it('refuses a line with another number of fields, or a null where the table has none', () => {
    expect(() => recordOfCopyLine('a\tb')).toThrow(/2 fields instead of 30/);
    expect(() => recordOfCopyLine(fields({ 3: '\\N' }))).toThrow(/name is null/);
  });
});

describe('bulk read of published listings', () => {
  it('needs PostgreSQL (PGlite has no COPY to a stream)', async () => {
    const batches = readPublishedRecords({ kind: 'pglite' });
    await expect(batches.next()).rejects.toThrow(/needs PostgreSQL \(this database is pglite\)/);
  });

  const postgresOnly = backends().filter((b) => b.kind === 'postgres');
  describe.each(postgresOnly)('on $kind', (backend) => {
    it('gives every published row as toListingRecord does, and nothing else', async () => {
      const handle = await backend.open();
      try {
        const today = '2026-11-30';
        const drafts = Array.from({ length: 60 }, (_, i) => draft(i));
        const ids = await insertListings(handle.db, drafts, { status: 'published', today, vault });
        // text COPY has to escape, a draft and a removed listing
        await handle.db
          .update(listings)
          .set({ obligation: '支付\t货款\n及利息\\另计', performance: 'C:\\路径\r' })
          .where(eq(listings.id, ids[0]!));
        await handle.db.update(listings).set({ status: 'draft' }).where(eq(listings.id, ids[1]!));
        await handle.db
          .update(listings)
          .set({
            status: 'removed',
            removedAt: new Date('2026-11-29T10:11:12.345Z'),
            removalReason: 'performed',
          })
          .where(eq(listings.id, ids[2]!));
        // a removal time on a row still published (edited by hand): same text as toListingRecord's
        await handle.db
          .update(listings)
          .set({ removedAt: new Date('2026-11-28T01:02:03.004Z') })
          .where(eq(listings.id, ids[3]!));
        const read = [];
        for await (const batch of readPublishedRecords(handle, 7)) read.push(...batch);
        const rows = await handle.db
          .select()
          .from(listings)
          .where(inArray(listings.status, ['published']))
          .orderBy(asc(listings.id));
        expect(read.length).toBe(58);
        expect(read.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
          rows.map((r) => ({ ...toListingRecord(r), version: r.version })),
        );
        expect(read.find((r) => r.id === ids[0])?.obligation).toBe('支付\t货款\n及利息\\另计');
        expect(read.some((r) => r.id === ids[1] || r.id === ids[2])).toBe(false);
        expect(read.find((r) => r.id === ids[3])?.removedAt).toBe('2026-11-28T01:02:03.004Z');
        // persons and organisations both
        expect(new Set(read.map((r) => r.kind))).toEqual(new Set(['person', 'org']));
      } finally {
        await handle.close();
      }
    });
  });
});
