import { describe, expect, it } from 'vitest';
import { createListingPieces, encodeAnswer } from './answer-bytes.ts';

const listing = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'person',
  name: '王某某',
  idNumberMasked: '4601001990****1234',
  caseNo: '（2026）琼0105执1234号',
  obligation: '支付“工程款”\n人民币 12,000.50 元\\',
  amountOwedFen: 1_200_050,
  livelihood: true,
  ...extra,
});

describe('search answer bytes', () => {
  it('are byte for byte the UTF-8 JSON of the answer, whether listings come from the pieces or not', () => {
    const pieces = createListingPieces(100);
    const answers = [
      {
        hits: [listing('L1'), listing('L2', { name: '海南某某有限公司', kind: 'org' })],
        total: 2,
        page: 1,
        pageSize: 20,
        facets: { category: { '1': 2 }, region: { 海口市: 2 }, kind: { person: 1, org: 1 }, court: {} },
        representativeMatches: ['L2'],
      },
      { total: 0, hits: [], page: 3, note: undefined, facets: {} },
      { hits: [listing('L2', { name: '海南某某有限公司', kind: 'org' }), listing('L3')], total: 2 },
    ];
    for (let round = 0; round < 2; round++) {
      for (const answer of answers) {
        expect(encodeAnswer(answer, pieces, true).equals(Buffer.from(JSON.stringify(answer)))).toBe(true);
      }
    }
    expect(pieces.size).toBe(3);
  });

  it('keep at most the configured number of listings, and none when told not to', () => {
    const pieces = createListingPieces(2);
    encodeAnswer({ hits: [listing('L1'), listing('L2'), listing('L3')] }, pieces, true);
    expect(pieces.size).toBe(2);
    const other = createListingPieces(2);
    encodeAnswer({ hits: [listing('L1')] }, other, false);
    expect(other.size).toBe(0);
  });
});
