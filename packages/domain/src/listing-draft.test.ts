import { describe, expect, it } from 'vitest';
import { ADULT_ID, ORG_USCC, orgDraft, personDraft } from '../test/drafts.ts';
import { makeId } from '../test/fixtures.ts';
import { validateListingDraft } from './listing-draft.ts';

const today = '2025-06-01';
const codes = (r: ReturnType<typeof validateListingDraft>) =>
  r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);

describe('validateListingDraft: persons', () => {
  it('accepts a valid person and derives gender and birth date from the ID number', () => {
    const r = validateListingDraft(personDraft({ idNumber: ADULT_ID.toLowerCase() }), { today });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      idNumber: ADULT_ID,
      birthDate: '1980-01-01',
      gender: '男',
      caseNo: '（2017）琼9003执1234号',
    });
    expect(r.value.uscc).toBeUndefined();
  });

  it('rejects a person who is 17 on the listing date, on the ID number field', () => {
    const id = makeId('460103', '20000718');
    const r = validateListingDraft(personDraft({ idNumber: id, listedAt: '2018-07-18' }), { today });
    expect(codes(r)).toEqual(['idNumber:MINOR_NOT_LISTABLE']);
    expect(!r.ok && r.errors[0]!.message).toContain('未满十八周岁');
  });

  it('accepts the same person listed the day after the 18th birthday', () => {
    const id = makeId('460103', '20000718');
    expect(validateListingDraft(personDraft({ idNumber: id, listedAt: '2018-07-19' }), { today }).ok).toBe(
      true,
    );
  });

  it('judges minority on today when no listing date is given', () => {
    const id = makeId('460103', '20070602');
    const r = validateListingDraft(personDraft({ idNumber: id, listedAt: undefined }), { today });
    expect(codes(r)).toEqual(['idNumber:MINOR_NOT_LISTABLE']);
  });

  it('rejects a gender that contradicts the ID number', () => {
    expect(codes(validateListingDraft(personDraft({ gender: '女' }), { today }))).toEqual([
      'gender:GENDER_MISMATCH',
    ]);
  });

  it('rejects organisation fields on a person', () => {
    const r = validateListingDraft(personDraft({ uscc: ORG_USCC, legalRepresentative: '李四' }), { today });
    expect(codes(r)).toEqual(['uscc:FIELD_NOT_ALLOWED', 'legalRepresentative:FIELD_NOT_ALLOWED']);
  });

  it('treats empty strings from CSV cells as absent', () => {
    expect(validateListingDraft(personDraft({ uscc: '', legalRepresentative: '  ' }), { today }).ok).toBe(
      true,
    );
  });
});

describe('validateListingDraft: organisations', () => {
  it('accepts a valid organisation without gender or birth date', () => {
    const r = validateListingDraft(orgDraft(), { today });
    expect(r.ok && r.value).toMatchObject({
      uscc: ORG_USCC,
      legalRepresentative: '李四',
      name: '海南某某（集团）有限公司',
    });
    expect(r.ok && r.value.gender).toBeUndefined();
  });

  it('requires the credit code and legal representative and forbids an ID number', () => {
    const r = validateListingDraft(
      orgDraft({ uscc: undefined, legalRepresentative: '', idNumber: ADULT_ID }),
      { today },
    );
    expect(codes(r).sort()).toEqual([
      'idNumber:FIELD_NOT_ALLOWED',
      'legalRepresentative:REQUIRED',
      'uscc:REQUIRED',
    ]);
  });

  it('rejects a credit code with a forbidden letter', () => {
    expect(codes(validateListingDraft(orgDraft({ uscc: '91460000MA5T0000I1' }), { today }))).toEqual([
      'uscc:INVALID_USCC',
    ]);
  });
});

describe('validateListingDraft: all fields', () => {
  it('collects every error at once', () => {
    const r = validateListingDraft(
      { kind: 'person', idNumber: '123', category: 7, amountOwedFen: -1, filedAt: '2017-02-30', caseNo: 'x' },
      { today },
    );
    expect(codes(r).sort()).toEqual(
      [
        'amountOwedFen:INVALID_AMOUNT',
        'basisDocNo:REQUIRED',
        'basisIssuer:REQUIRED',
        'caseNo:INVALID_CASE_NO',
        'category:INVALID_CATEGORY',
        'court:REQUIRED',
        'filedAt:INVALID_DATE',
        'idNumber:INVALID_ID_NUMBER',
        'name:REQUIRED',
        'obligation:REQUIRED',
        'performance:REQUIRED',
        'region:REQUIRED',
      ].sort(),
    );
  });

  it('rejects input that is not an object', () => {
    expect(codes(validateListingDraft('x', { today }))).toEqual([':INVALID_INPUT']);
  });

  it('normalises the category, amount and livelihood given as strings', () => {
    const r = validateListingDraft(personDraft({ category: '１', amountOwedFen: '500', livelihood: '是' }), {
      today,
    });
    expect(r.ok && r.value).toMatchObject({ category: 1, amountOwedFen: 500, livelihood: true });
  });

  it('rejects a filing date in the future and a listing date before filing', () => {
    expect(codes(validateListingDraft(personDraft({ filedAt: '2025-06-02' }), { today }))).toContain(
      'filedAt:DATE_IN_FUTURE',
    );
    expect(codes(validateListingDraft(personDraft({ listedAt: '2017-03-01' }), { today }))).toEqual([
      'listedAt:DATE_ORDER',
    ]);
  });

  it('rejects a case number whose year is not the filing year', () => {
    expect(codes(validateListingDraft(personDraft({ filedAt: '2016-12-30' }), { today }))).toEqual([
      'caseNo:CASE_NO_YEAR_MISMATCH',
    ]);
  });

  it('rejects a term extension on category 1 and accepts it on category 2', () => {
    expect(codes(validateListingDraft(personDraft({ termExtensionYears: 1 }), { today }))).toEqual([
      'termExtensionYears:INVALID_TERM_EXTENSION',
    ]);
    // art. 2 (issue 14 item 9): an extension needs its ground and the decision that orders it
    const r = validateListingDraft(
      personDraft({
        category: 2,
        termExtensionYears: '3',
        termExtensionGround: '多项失信行为',
        termExtensionDecisionNo: '（2017）琼9003执1234号之一',
      }),
      { today },
    );
    expect(r.ok && r.value.termExtensionYears).toBe(3);
  });

  it('bounds text lengths', () => {
    const r = validateListingDraft(personDraft({ name: '张'.repeat(101), obligation: '义'.repeat(2001) }), {
      today,
    });
    expect(codes(r)).toEqual(['name:TOO_LONG', 'obligation:TOO_LONG']);
  });

  it('strips NUL and control characters but keeps text and line breaks as given', () => {
    const r = validateListingDraft(
      personDraft({ name: '张\u0000三\u202E', obligation: '<b>偿还</b>\r\n第二行\u0007' }),
      { today },
    );
    expect(r.ok && r.value.name).toBe('张三');
    expect(r.ok && r.value.obligation).toBe('<b>偿还</b>\n第二行');
  });

  it('defaults the listing date to today, livelihood and demo to false', () => {
    const r = validateListingDraft(personDraft({ listedAt: undefined, livelihood: undefined }), { today });
    expect(r.ok && r.value).toMatchObject({
      listedAt: today,
      livelihood: false,
      demo: false,
      termExtensionYears: 0,
    });
  });
});

describe('validateListingDraft: 法释〔2017〕7号 arts. 2 and 5 (decision, extension, listing date)', () => {
  it('art. 5: records the decision number and date as given', () => {
    const r = validateListingDraft(
      personDraft({ decisionDocNo: '（2017）琼9003执1234号', decisionDate: '2017-07-10' }),
      { today },
    );
    expect(r.ok && r.value).toMatchObject({
      decisionDocNo: '（2017）琼9003执1234号',
      decisionDate: '2017-07-10',
    });
  });

  it('art. 5: a decision cannot precede the filing, nor the publication precede the decision', () => {
    expect(codes(validateListingDraft(personDraft({ decisionDate: '2017-03-01' }), { today }))).toEqual([
      'decisionDate:DATE_ORDER',
    ]);
    const r = validateListingDraft(personDraft({ decisionDate: '2017-07-20', listedAt: '2017-07-18' }), {
      today,
    });
    expect(codes(r)).toEqual(['listedAt:DATE_ORDER']);
    expect(!r.ok && r.errors[0]!.message).toBe('发布日期不能早于决定书作出日期。');
  });

  it('art. 4 with art. 5: a person who was 17 on the decision date is refused even if 18 when published', () => {
    const id = makeId('460103', '20000718');
    const r = validateListingDraft(
      personDraft({ idNumber: id, decisionDate: '2018-07-17', listedAt: '2018-07-20' }),
      { today },
    );
    expect(codes(r)).toEqual(['idNumber:MINOR_NOT_LISTABLE']);
  });

  it('art. 2 ¶1: an extension needs a named ground and the decision number', () => {
    expect(
      codes(validateListingDraft(personDraft({ category: 2, termExtensionYears: 1 }), { today })),
    ).toEqual(['termExtensionGround:REQUIRED', 'termExtensionDecisionNo:REQUIRED']);
    expect(
      codes(
        validateListingDraft(
          personDraft({
            category: 2,
            termExtensionYears: 1,
            termExtensionGround: '拒不申报财产',
            termExtensionDecisionNo: '（2017）琼9003执1234号之一',
          }),
          { today },
        ),
      ),
    ).toEqual(['termExtensionGround:INVALID_TERM_EXTENSION_GROUND']);
  });

  it('art. 2 ¶1: a ground without an extension is refused rather than silently kept', () => {
    expect(
      codes(validateListingDraft(personDraft({ category: 2, termExtensionGround: '多项失信' }), { today })),
    ).toEqual(['termExtensionGround:FIELD_NOT_ALLOWED']);
  });

  it('marks whether the listing date was given, so a draft without one is dated at publication', () => {
    const without = validateListingDraft(personDraft({ listedAt: ' ' }), { today });
    expect(without.ok && [without.value.listedAt, without.value.listedAtGiven]).toEqual([today, false]);
    const given = validateListingDraft(personDraft(), { today });
    expect(given.ok && given.value.listedAtGiven).toBe(true);
  });
});
