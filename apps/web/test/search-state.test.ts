import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  hasCriteria,
  maxPage,
  parseSearchParams,
  toApiQuery,
  toSearchParams,
} from '../src/islands/search/search-state.ts';

describe('search state in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const state = {
      q: '王',
      kind: 'person' as const,
      category: '3',
      region: '海南省儋州市',
      court: '儋州市人民法院',
      livelihood: true,
      sort: 'amount:desc' as const,
      page: 4,
    };
    expect(parseSearchParams(toSearchParams(state))).toEqual(state);
  });

  it('leaves defaults out of a shared link', () => {
    expect(toSearchParams({ ...EMPTY_STATE, q: ' 执1234 ' }).toString()).toBe(
      `q=${encodeURIComponent('执1234')}`,
    );
    expect(toSearchParams(EMPTY_STATE).toString()).toBe('');
  });

  it('falls back to defaults for tampered values', () => {
    const s = parseSearchParams(
      new URLSearchParams('kind=alien&category=9&sort=drop&page=-3&livelihood=yes'),
    );
    expect(s).toEqual(EMPTY_STATE);
  });

  it('never asks for a page beyond the 1,000-result window', () => {
    expect(parseSearchParams(new URLSearchParams('q=王&page=999')).page).toBe(50);
    expect(maxPage(5000)).toBe(50);
    expect(maxPage(41)).toBe(3);
    expect(maxPage(0)).toBe(1);
  });

  it('sends the page size to the API', () => {
    expect(toApiQuery({ ...EMPTY_STATE, q: '王' })).toEqual({ q: '王', pageSize: '20' });
  });

  it('searches only when there is a query, a filter or a chosen order', () => {
    expect(hasCriteria(EMPTY_STATE)).toBe(false);
    expect(hasCriteria({ ...EMPTY_STATE, q: '  ' })).toBe(false);
    expect(hasCriteria({ ...EMPTY_STATE, livelihood: true })).toBe(true);
    expect(hasCriteria({ ...EMPTY_STATE, sort: 'listedAt:desc' })).toBe(true);
  });
});
