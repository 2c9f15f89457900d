import { SearchQueryError, SearchUnavailableError } from '@portal/search';
import { describe, expect, it } from 'vitest';
import { toApiError } from './error-handler.ts';

describe('errors from the search engine', () => {
  it('an unreachable engine is a 503 the user can retry, not a 500', () => {
    const e = toApiError(new SearchUnavailableError('connect ECONNREFUSED'));
    expect([e.code, e.status]).toEqual(['SEARCH_UNAVAILABLE', 503]);
    expect(e.userMessage).toMatch(/稍后再试/);
  });

  it('a query the engine refuses is a 400 naming the field', () => {
    const e = toApiError(new SearchQueryError('page', 'page out of range'));
    expect([e.code, e.status, e.field]).toEqual(['INVALID_PARAMETER', 400, 'page']);
  });

  it('anything unexpected is a 500 with a zh-CN message and no internal detail', () => {
    const e = toApiError(new Error('relation "listings" does not exist'));
    expect([e.code, e.status]).toEqual(['INTERNAL', 500]);
    expect(e.userMessage).not.toContain('listings');
  });
});
