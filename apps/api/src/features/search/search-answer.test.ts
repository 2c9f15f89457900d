import { describe, expect, it } from 'vitest';
import { answerJson } from './search-answer.ts';
import { createSearchCache } from './search-cache.ts';

// shaped like the engine's hits; strings that JSON must escape, and characters beyond the BMP
const hit = (id: string, name: string) =>
  ({
    id,
    kind: 'org',
    name,
    legalRepresentative: '王"五"\\n',
    caseNo: '（2026）琼9023执1065号',
    amountOwedFen: 5963400,
    livelihood: false,
    idNumberMasked: null,
    note: 'line\nbreak\u2028𠮷',
  }) as never;

const result = (hits: never[]) => ({
  hits,
  total: 1234,
  page: 3,
  pageSize: hits.length,
  facets: { category: { '4': 2 }, region: { 澄迈县: 1 }, kind: { org: 2 }, court: {} },
});

describe('search answer bytes', () => {
  it('are the bytes of JSON.stringify of the whole answer, hits from the per-listing bytes', () => {
    const cache = createSearchCache();
    for (const hits of [[hit('A', '海南某某公司'), hit('B', '琼"海"')], [hit('C', 'x')], []]) {
      const r = result(hits);
      const expected = Buffer.from(JSON.stringify({ ...r, representativeMatches: ['A'] }));
      const generation = cache.generation();
      expect(answerJson(r, ['A'], (h) => cache.listingJson(h, generation)).equals(expected)).toBe(true);
      // a second answer assembled from the kept bytes is the same
      expect(answerJson(r, ['A'], (h) => cache.listingJson(h, generation)).equals(expected)).toBe(true);
    }
  });

  it('a listing changed in the read model is never answered from its old bytes', () => {
    const cache = createSearchCache();
    const before = cache.generation();
    const old = hit('A', '旧名称');
    expect(JSON.parse(String(cache.listingJson(old, before))).name).toBe('旧名称');
    cache.invalidate(); // the listing was corrected
    const now = cache.generation();
    expect(JSON.parse(String(cache.listingJson(hit('A', '新名称'), now))).name).toBe('新名称');
    // a search that read the old document before the change: its own bytes, not kept
    expect(JSON.parse(String(cache.listingJson(old, before))).name).toBe('旧名称');
    expect(JSON.parse(String(cache.listingJson(hit('A', '新名称'), now))).name).toBe('新名称');
  });

  it('a hit read before a change is not kept for later answers', () => {
    const cache = createSearchCache();
    const before = cache.generation();
    cache.invalidate();
    cache.listingJson(hit('A', '旧名称'), before);
    const now = cache.generation();
    expect(JSON.parse(String(cache.listingJson(hit('A', '新名称'), now))).name).toBe('新名称');
  });

  it('keeps at most its bound of listings, dropping the oldest', () => {
    const cache = createSearchCache(10, () => '', 2);
    const g = cache.generation();
    const first = cache.listingJson(hit('A', '甲'), g);
    cache.listingJson(hit('B', '乙'), g);
    expect(cache.listingJson(hit('A', '甲'), g)).toBe(first);
    cache.listingJson(hit('C', '丙'), g); // A is dropped
    expect(cache.listingJson(hit('A', '甲'), g)).not.toBe(first);
  });
});
