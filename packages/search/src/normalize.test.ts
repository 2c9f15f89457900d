import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize.ts';

describe('normalizeForSearch', () => {
  it('maps traditional characters to simplified ones', () => {
    expect(normalizeForSearch('王偉')).toBe('王伟');
    expect(normalizeForSearch('海南金海建築工程有限公司')).toBe('海南金海建筑工程有限公司');
  });

  it('makes half-width, full-width and missing brackets of a case number equivalent', () => {
    const canonical = normalizeForSearch('（2017）琼9003执1234号');
    expect(normalizeForSearch('(2017)琼9003执1234号')).toBe(canonical);
    expect(normalizeForSearch('〔2017〕琼9003执1234号')).toBe(canonical);
    expect(normalizeForSearch('2017琼9003执1234号')).toBe(canonical);
  });

  it('folds full-width digits and letters, lower-cases and drops whitespace and middle dots', () => {
    expect(normalizeForSearch(' ９１４６０１０６ MA5T ')).toBe('91460106ma5t');
    expect(normalizeForSearch('阿卜杜拉·买买提')).toBe('阿卜杜拉买买提');
  });

  it('keeps characters outside the basic plane', () => {
    expect(normalizeForSearch('𠮷田')).toBe('𠮷田');
  });

  it('leaves markup characters alone so they can still be found as text', () => {
    expect(normalizeForSearch('<script>')).toBe('<script>');
  });
});
