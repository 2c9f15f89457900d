import { describe, expect, it } from 'vitest';
import {
  extendListingTerm,
  isExpired,
  listedAtOnPublication,
  listingTermEndsAt,
  parseTermExtensionGround,
  storedListedAt,
  termEndsAt,
  termStartDate,
  validateTermExtension,
} from './term.ts';

describe('termEndsAt', () => {
  it('gives category 1 no fixed term', () => {
    expect(termEndsAt(1, '2017-07-18')).toBeNull();
  });

  it('lists categories 2–6 for two years', () => {
    for (const c of [2, 3, 4, 5, 6] as const) expect(termEndsAt(c, '2017-07-18')).toBe('2019-07-18');
  });

  it('adds an extension of one to three years', () => {
    expect(termEndsAt(2, '2017-07-18', 1)).toBe('2020-07-18');
    expect(termEndsAt(2, '2017-07-18', 3)).toBe('2022-07-18');
  });

  it('ends a term started on 29 February on 28 February of a common year', () => {
    expect(termEndsAt(4, '2024-02-29')).toBe('2026-02-28');
    expect(termEndsAt(4, '2024-02-29', 2)).toBe('2028-02-29');
  });

  it('refuses an extension on category 1 or outside 0–3', () => {
    expect(() => termEndsAt(1, '2017-07-18', 1)).toThrow(RangeError);
    expect(() => termEndsAt(2, '2017-07-18', 4)).toThrow(RangeError);
  });
});

describe('validateTermExtension', () => {
  it('accepts none, and 1–3 years on categories 2–6', () => {
    expect(validateTermExtension(1, undefined)).toBeNull();
    expect(validateTermExtension(1, 0)).toBeNull();
    expect(validateTermExtension(5, 3)).toBeNull();
  });

  it.each([
    [1, 1],
    [2, 4],
    [2, -1],
    [2, 1.5],
    [2, '2'],
  ] as const)('rejects category %d with extension %s', (category, years) => {
    expect(validateTermExtension(category, years)).toMatchObject({
      field: 'termExtensionYears',
      code: 'INVALID_TERM_EXTENSION',
    });
  });
});

describe('isExpired', () => {
  it('keeps a listing on its last day and expires it the day after', () => {
    expect(isExpired('2019-07-18', '2019-07-18')).toBe(false);
    expect(isExpired('2019-07-18', '2019-07-19')).toBe(true);
  });

  it('never expires a listing without a term', () => {
    expect(isExpired(null, '2099-01-01')).toBe(false);
  });
});

describe('法释〔2017〕7号 art. 2 ¶1: extending a term (1–3 years, only for the grounds the article names)', () => {
  const published = {
    status: 'published' as const,
    category: 2 as const,
    listedAt: '2024-03-01',
    termExtensionYears: 0,
  };
  const request = {
    years: 1,
    ground: '以暴力、威胁方法妨碍、抗拒执行情节严重',
    decisionNo: '（2024）琼9003执恢3号',
    decisionDate: '2025-05-01',
  };
  const today = '2025-06-01';

  it('art. 2 ¶1: extends a published listing by a decision naming violent obstruction, counted from the term start', () => {
    expect(extendListingTerm(published, request, { today })).toEqual({
      ok: true,
      termExtensionYears: 1,
      termEndsAt: '2027-03-01',
      ground: 'violent_obstruction',
    });
  });

  it('art. 2 ¶1: accepts several defaults (多项失信行为) as the other ground', () => {
    const r = extendListingTerm(published, { ...request, ground: '具有多项失信行为', years: '3' }, { today });
    expect(r).toMatchObject({
      ok: true,
      termExtensionYears: 3,
      termEndsAt: '2029-03-01',
      ground: 'multiple_defaults',
    });
  });

  it('art. 2 ¶1: refuses any other ground, a missing decision number and a missing decision date', () => {
    const r = extendListingTerm(
      published,
      { years: 1, ground: '拒不申报财产', decisionNo: ' ', decisionDate: '' },
      { today },
    );
    expect(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'termExtensionGround:INVALID_TERM_EXTENSION_GROUND',
      'termExtensionDecisionNo:REQUIRED',
      'termExtensionDecisionDate:INVALID_DATE',
    ]);
  });

  it('art. 2 ¶1: extensions add up to three years at most, and the message says how many are left', () => {
    const r = extendListingTerm({ ...published, termExtensionYears: 2 }, { ...request, years: 2 }, { today });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toContain('本次最多还能延长 1 年');
    expect(extendListingTerm({ ...published, termExtensionYears: 2 }, request, { today })).toMatchObject({
      ok: true,
      termExtensionYears: 3,
      termEndsAt: '2029-03-01',
    });
  });

  it('art. 2 ¶1: a decision on the last day of the term is in time, one the day after is too late', () => {
    expect(
      extendListingTerm(published, { ...request, decisionDate: '2026-03-01' }, { today: '2026-03-05' }).ok,
    ).toBe(true);
    const late = extendListingTerm(
      published,
      { ...request, decisionDate: '2026-03-02' },
      { today: '2026-03-05' },
    );
    expect(late.ok).toBe(false);
    expect(!late.ok && late.errors[0]!.message).toContain('2026-03-01 届满');
  });

  it('art. 2 ¶1: no extension for category 1 (no term) or a removed listing', () => {
    expect(extendListingTerm({ ...published, category: 1 }, request, { today }).ok).toBe(false);
    expect(extendListingTerm({ ...published, status: 'removed' }, request, { today }).ok).toBe(false);
  });

  it('art. 5: counts the extended term from the decision date when one is recorded', () => {
    const r = extendListingTerm({ ...published, decisionDate: '2024-02-20' }, request, { today });
    expect(r).toMatchObject({ ok: true, termEndsAt: '2027-02-20' });
  });

  it('art. 2 ¶1: a draft can be extended before publication; its end date follows at publication', () => {
    expect(extendListingTerm({ ...published, status: 'draft', listedAt: null }, request, { today })).toEqual({
      ok: true,
      termExtensionYears: 1,
      termEndsAt: null,
      ground: 'violent_obstruction',
    });
  });
});

describe('法释〔2017〕7号 art. 5: the term runs from the decision date; listing dates default to publication', () => {
  it('art. 5: the decision date, not the later publication date, starts the term', () => {
    expect(termStartDate({ decisionDate: '2017-07-10', listedAt: '2017-07-18' })).toBe('2017-07-10');
    expect(listingTermEndsAt({ category: 3, decisionDate: '2017-07-10', listedAt: '2017-07-18' })).toBe(
      '2019-07-10',
    );
    expect(listingTermEndsAt({ category: 3, listedAt: '2017-07-18', termExtensionYears: 1 })).toBe(
      '2020-07-18',
    );
    expect(listingTermEndsAt({ category: 1, decisionDate: '2017-07-10', listedAt: '2017-07-18' })).toBeNull();
  });

  it('art. 5: a draft without a listing date stores none and gets the publication date when published', () => {
    expect(storedListedAt({ listedAt: '2025-06-01', listedAtGiven: false })).toBeNull();
    expect(storedListedAt({ listedAt: '2025-05-20', listedAtGiven: true })).toBe('2025-05-20');
    expect(listedAtOnPublication(null, '2025-07-01')).toBe('2025-07-01');
    expect(listedAtOnPublication('2025-05-20', '2025-07-01')).toBe('2025-05-20');
  });

  it('parses the extension grounds staff write and nothing else', () => {
    expect(parseTermExtensionGround('暴力抗拒执行')).toBe('violent_obstruction');
    expect(parseTermExtensionGround('多项失信')).toBe('multiple_defaults');
    expect(parseTermExtensionGround('情节严重')).toBeNull();
    expect(parseTermExtensionGround(2)).toBeNull();
  });
});
