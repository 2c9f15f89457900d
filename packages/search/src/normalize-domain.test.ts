import { normalizeCaseNoFragment } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize.ts';

describe('search normalisation and the domain case-number rules', () => {
  it('treats every form domain accepts for a fragment as the same search key', () => {
    for (const q of ['(2017) 琼9003', '执１２３４', '〔2017〕琼9003执12', '【2017】琼9003']) {
      expect(normalizeForSearch(normalizeCaseNoFragment(q))).toBe(normalizeForSearch(q));
    }
  });
});
