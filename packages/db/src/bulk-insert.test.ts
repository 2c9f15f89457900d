import { expect, test } from 'vitest';
import { bulkInsert, toArrayLiteral } from './bulk-insert.ts';
import { auditLog, listings, outbox } from './schema/index.ts';
import { forEachBackend } from './testing.ts';

test('quotes every element and escapes quotes and backslashes', () => {
  expect(toArrayLiteral(['a', 'say "hi"', 'back\\slash', null, 12, true])).toBe(
    '{"a","say \\"hi\\"","back\\\\slash",NULL,"12","true"}',
  );
});

forEachBackend('bulk insert', (t) => {
  test('stores awkward text, nulls, numbers, booleans, dates and timestamps exactly', async () => {
    const base = {
      kind: 'org' as const,
      caseNo: '（2020）琼0106执1号',
      court: '海口市龙华区人民法院',
      filedAt: '2020-01-02',
      basisIssuer: '海口市龙华区人民法院',
      basisDocNo: '（2019）琼0106民初1号',
      obligation: '支付货款',
      performance: '全部未履行',
      category: 1 as const,
      region: '海口市龙华区',
    };
    const publishedAt = new Date('2026-01-02T03:04:05.678Z');
    await bulkInsert(t.db, listings, [
      {
        ...base,
        id: 'L1',
        name: '名称含"引号"、\\反斜杠、{花括号}, 逗号',
        amountOwedFen: 9_007_199_254_740_991,
        livelihood: true,
        publishedAt,
      },
      { ...base, id: 'L2', name: 'NULL', amountOwedFen: 0, livelihood: false, publishedAt: null },
    ]);
    const rows = await t.db.select().from(listings).orderBy(listings.id);
    expect(
      rows.map((r) => [r.name, r.amountOwedFen, r.livelihood, r.publishedAt, r.filedAt, r.status, r.version]),
    ).toEqual([
      [
        '名称含"引号"、\\反斜杠、{花括号}, 逗号',
        9_007_199_254_740_991,
        true,
        publishedAt,
        '2020-01-02',
        'draft',
        1,
      ],
      ['NULL', 0, false, null, '2020-01-02', 'draft', 1],
    ]);
  });

  test('stores JSON payloads as JSON and leaves defaults to the database', async () => {
    await bulkInsert(t.db, outbox, [
      { topic: 't', key: 'a', payload: { list: [1, '"x"'], nested: { y: null } } },
      { topic: 't', key: 'b', payload: [] },
    ]);
    const rows = await t.db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((r) => r.payload)).toEqual([{ list: [1, '"x"'], nested: { y: null } }, []]);
    expect(rows.every((r) => r.attempts === 0 && r.createdAt instanceof Date)).toBe(true);
    await bulkInsert(t.db, auditLog, []);
  });
});
