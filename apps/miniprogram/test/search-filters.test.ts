import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, facetOptions, hasCriteria, toApiQuery } from '../src/lib/search-state.ts';

describe('region and court filters (the site’s semantics)', () => {
  it('lists facet values by count, ties in Chinese order, with counts, after "all"', () => {
    expect(facetOptions({ 海口市: 3, 儋州市: 5, 三亚市: 3 }, '', '全部地区')).toEqual([
      { value: '', label: '全部地区' },
      { value: '儋州市', label: '儋州市（5）' },
      { value: '海口市', label: '海口市（3）' },
      { value: '三亚市', label: '三亚市（3）' },
    ]);
  });

  it('keeps a chosen value the answer lacks, at 0', () => {
    expect(facetOptions({ 海口市: 3 }, '儋州市人民法院', '全部法院').map((o) => o.label)).toEqual([
      '全部法院',
      '儋州市人民法院（0）',
      '海口市（3）',
    ]);
  });

  it('sends region and court as exact filters, and a filter alone is something to search for', () => {
    const state = { ...EMPTY_STATE, region: '儋州市', court: '儋州市人民法院' };
    expect(hasCriteria(state)).toBe(true);
    expect(toApiQuery(state)).toEqual({ pageSize: '20', region: '儋州市', court: '儋州市人民法院' });
    expect(toApiQuery(EMPTY_STATE)).toEqual({ pageSize: '20' });
  });
});
