import { describe, expect, it } from 'vitest';
import { contractListings } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import type { SearchDocument } from '../search-index.ts';
import { tokenPieces } from './digit-tokens.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';
import { rankedByScan } from './scan-ranking.ts';

const hash = createIdentifierHasher('digit-token-test-secret-0123456789');
const template = contractListings(hash).wangWei;

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

const doc = (id: string, name: string, caseNo: string, version = 1): SearchDocument => ({
  ...template,
  id,
  version,
  name,
  caseNo,
});

describe('digit fragments around a court or case-type character', () => {
  it('finds the court head and not listings that only hold its bigrams', async () => {
    const index = new EmbeddedSearchIndex({ hashIdentifier: hash });
    await index.upsert([
      doc('A', '张三', '（2025）琼9002执15号'),
      doc('B', '李四', '（2025）琼9001执1002号'), // holds 20 02 25 5琼 琼9 90 00, not 2025琼9002
      doc('C', '王五', '（2024）琼9002执7号'),
      doc('D', '赵六', '（2025）琼90021执3号'), // a longer court code starting with 9002
    ]);
    const ids = async (q: string) => (await index.search({ q, pageSize: 50 })).hits.map((h) => h.id).sort();
    expect(await ids('(2025)琼9002')).toEqual(['A', 'D']);
    expect(await ids('（2025）琼9002')).toEqual(['A', 'D']);
    expect(await ids('琼9002')).toEqual(['A', 'C', 'D']);
    expect(await ids('25琼900')).toEqual(['A', 'B', 'D']);
    expect(await ids('2025琼')).toEqual(['A', 'B', 'D']);
    expect(await ids('执100')).toEqual(['B']);
    expect(await ids('执1')).toEqual(['A', 'B']);
    expect((await index.search({ q: '(2023)琼9002' })).total).toBe(0);
  });

  it('ranks an exact case number, and a name holding the fragment, as a scan does', async () => {
    const index = new EmbeddedSearchIndex({ hashIdentifier: hash });
    const docs = [
      doc('A', '张三', '（2025）琼9002执15号'),
      doc('B', '2025琼9002', '（2019）琼01执1号'), // exact name
      doc('C', '海南2025琼9002号公司', '（2019）琼01执2号'), // inside the name
      doc('D', '李四', '2025琼9002'), // the case number is the fragment itself
      doc('E', '2025琼9002执', '（2025）琼9002执9号'), // name prefix and case number both
    ];
    await index.upsert(docs);
    const hits = (await index.search({ q: '(2025)琼9002', pageSize: 50 })).hits.map((h) => h.id);
    expect(hits).toEqual(rankedByScan(docs, '(2025)琼9002'));
    expect(hits).toEqual(['D', 'B', 'E', 'C', 'A']); // exact ones by name length
  });

  it('forgets a listing’s old case number when it changes and skips removed listings', async () => {
    const index = new EmbeddedSearchIndex({ hashIdentifier: hash });
    await index.upsert([doc('A', '张三', '（2025）琼9002执15号'), doc('B', '李四', '（2025）琼9002执16号')]);
    await index.upsert([doc('A', '张三', '（2021）琼0105执恢15号', 2)]);
    await index.remove(['B']);
    expect((await index.search({ q: '(2025)琼9002' })).total).toBe(0);
    expect((await index.search({ q: '执15' })).total).toBe(0);
    expect((await index.search({ q: '恢15' })).hits.map((h) => h.id)).toEqual(['A']);
    expect((await index.search({ q: '(2021)琼0105' })).hits.map((h) => h.id)).toEqual(['A']);
  });

  it('splits a fragment of several CJK characters into token pieces', () => {
    expect(tokenPieces('2025琼9006执162')).toEqual(['2025琼9006', '执162']);
    expect(tokenPieces('琼0107执215号')).toEqual(['琼0107', '执215']);
    expect(tokenPieces('2024琼0108执恢202')).toEqual(['2024琼0108', '恢202']);
    expect(tokenPieces('执35')).toEqual([]); // a token itself: answered exactly, no piece needed
    expect(tokenPieces('房地产')).toEqual([]);
  });

  it.each([
    ['', {}],
    [' (token pieces seeding every fragment of several CJK characters)', { tokenPieceMax: 1e9 }],
  ])(
    'matches a full substring scan, in order, over random listings, writes and term entries%s',
    async (_, extra) => {
      const rand = rng(7);
      const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
      const digits = (min: number, max: number) => {
        let out = '';
        for (let n = min + Math.floor(rand() * (max - min + 1)); n > 0; n--) out += pick('0129');
        return out;
      };
      const caseNo = () =>
        rand() < 0.1
          ? `${digits(2, 4)}琼${digits(1, 3)}` // a case number that is one token
          : `（20${digits(2, 2)}）琼${digits(1, 3)}${rand() < 0.3 ? '执恢' : '执'}${digits(1, 3)}号`;
      const name = () => {
        let out = '';
        for (let n = 2 + Math.floor(rand() * 5); n > 0; n--) out += pick('王李琼执恢号公司0129');
        return out;
      };
      const query = () => {
        const r = rand();
        if (r < 0.4) return `${digits(0, 3)}琼${digits(1, 3)}`;
        if (r < 0.6) return `(20${digits(2, 2)})琼${digits(0, 2)}`;
        if (r < 0.7) return `${pick('执恢')}${digits(2, 3)}`;
        if (r < 0.8) return `${digits(1, 3)}${pick('执恢号')}${digits(0, 2)}`; // not a token shape: bigrams answer
        // two token characters: a piece's matches are the candidates (re-checked)
        if (r < 0.9) return `琼${digits(1, 3)}执${digits(1, 2)}${rand() < 0.5 ? '号' : ''}`;
        return `(20${digits(2, 2)})琼${digits(1, 3)}执恢${digits(0, 2)}`;
      };
      const index = new EmbeddedSearchIndex({ hashIdentifier: hash, broadQueryMin: 5, ...extra });
      const live = new Map<string, SearchDocument>();
      for (let round = 0; round < 20; round++) {
        const batch: SearchDocument[] = [];
        for (let i = 0; i < 60; i++) {
          const id = `R${String(Math.floor(rand() * 400)).padStart(3, '0')}`;
          batch.push(doc(id, name(), caseNo(), (live.get(id)?.version ?? 0) + 1));
        }
        await index.upsert(batch);
        for (const d of batch) live.set(d.id, d);
        const gone = [...live.keys()].filter(() => rand() < 0.05);
        await index.remove(gone);
        for (const id of gone) live.delete(id);
        for (let k = 0; k < 15; k++) {
          const q = query();
          const expected = rankedByScan(live.values(), q);
          // twice: the second sighting of a broad term is served from its entry
          for (const _ of [1, 2]) {
            const res = await index.search({ q, pageSize: 50 });
            expect(res.total, `q=${q}`).toBe(expected.length);
            expect(
              res.hits.map((h) => h.id),
              `q=${q}`,
            ).toEqual(expected.slice(0, 50));
          }
        }
      }
    },
  );
});
