import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADULT_ID, orgDraft, personDraft } from '../test/drafts.ts';
import { issuesToFieldErrors } from './draft-fields.ts';
import { listingDraftSchema, validateListingDraft } from './listing-draft.ts';
import { ListingDraftBodySchema } from './listing-draft-body.ts';

const today = '2025-06-01';

describe('listingDraftSchema (zod): the schema the API contract reuses', () => {
  it('reports through zod exactly what validateListingDraft reports, with the zh-CN messages', () => {
    const bad = personDraft({ name: undefined, amountOwedFen: '12.5', idNumber: ADULT_ID.slice(0, 17) });
    const viaSchema = listingDraftSchema({ today }).safeParse(bad);
    expect(viaSchema.success).toBe(false);
    const errors = issuesToFieldErrors(viaSchema.error!.issues);
    expect(errors).toEqual(
      !validateListingDraft(bad, { today }).ok &&
        (validateListingDraft(bad, { today }) as { errors: unknown }).errors,
    );
    expect(errors).toContainEqual({ field: 'name', code: 'REQUIRED', message: '该项为必填项，请填写。' });
    expect(errors).toContainEqual({
      field: 'amountOwedFen',
      code: 'INVALID_AMOUNT',
      message: '未履行金额应为不小于 0 的整数（单位：分）。',
    });
    expect(errors.find((e) => e.field === 'idNumber')?.code).toBe('INVALID_ID_NUMBER');
  });

  it('outputs the normalised draft on success', () => {
    const r = listingDraftSchema({ today }).parse(personDraft({ kind: '自然人', category: '第一项' }));
    expect(r).toMatchObject({ kind: 'person', category: 1, caseNo: '（2017）琼9003执1234号' });
  });

  it('says a number typed where text is expected is the wrong type, not missing', () => {
    expect(validateListingDraft(personDraft({ court: 12 }), { today })).toEqual({
      ok: false,
      errors: [{ field: 'court', code: 'INVALID_TYPE', message: '该项的类型不正确，请填写文字。' }],
    });
  });

  it('reports one problem per field: an ID number on an organisation is not allowed, whatever its form', () => {
    const r = validateListingDraft(orgDraft({ idNumber: '123' }), { today });
    expect(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['idNumber:FIELD_NOT_ALLOWED']);
  });

  it('still checks the other fields when the kind is unknown, and names the kind', () => {
    const r = validateListingDraft(personDraft({ kind: '机关', name: '' }), { today });
    expect(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'kind:INVALID_KIND',
      'name:REQUIRED',
    ]);
  });

  it('documents in the body schema every key the validator reads', () => {
    const documented = Object.keys(z.toJSONSchema(ListingDraftBodySchema).properties ?? {});
    const person = validateListingDraft(
      personDraft({
        category: 2,
        termExtensionYears: 1,
        termExtensionGround: 'violent_obstruction',
        termExtensionDecisionNo: '（2017）琼9003执1234号之一',
        decisionDocNo: '（2017）琼9003执1234号',
        decisionDate: '2017-07-10',
        unitId: 'U1',
      }),
      { today },
    );
    const org = validateListingDraft(orgDraft({ orgCode: undefined, legalRepresentativeRole: '负责人' }), {
      today,
    });
    const derived = new Set(['birthDate', 'listedAtGiven']);
    for (const r of [person, org]) {
      expect(r.ok).toBe(true);
      for (const key of Object.keys(r.ok ? r.value : {}))
        if (!derived.has(key)) expect(documented).toContain(key);
    }
  });
});
