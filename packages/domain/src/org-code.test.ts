import { describe, expect, it } from 'vitest';
import { ADULT_ID, orgDraft, personDraft } from '../test/drafts.ts';
import { validateListingDraft } from './listing-draft.ts';
import { orgCodeCheckChar, orgCodeOfUscc, parseOrgCode } from './org-code.ts';

const today = '2025-06-01';
const codes = (r: ReturnType<typeof validateListingDraft>) =>
  r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);

describe('GB 11714 organisation codes', () => {
  it('computes the standard example D2143569-X and a real code embedded in a credit code', () => {
    expect(orgCodeCheckChar('D2143569')).toBe('X');
    // 91350100M000100Y43 carries the organisation code M000100Y4
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeOfUscc('91350100M000100Y43')).toBe('M000100Y4');
  });

  it('accepts the hyphenated, lower-case and full-width forms and normalises them', () => {
    for (const raw of ['D2143569-X', 'd2143569x', ' Ｄ２１４３５６９－Ｘ ', 'D2143569 X']) {
      expect(parseOrgCode(raw)).toEqual({ ok: true, value: 'D2143569X' });
    }
  });

  it('rejects a wrong check character, a wrong length and characters outside 0–9/A–Z', () => {
    expect(parseOrgCode('D21435691')).toMatchObject({ ok: false, code: 'ORG_CODE_CHECKSUM' });
    expect(parseOrgCode('D2143569')).toMatchObject({ ok: false, code: 'INVALID_ORG_CODE' });
    expect(parseOrgCode('D214356#X')).toMatchObject({ ok: false, code: 'INVALID_ORG_CODE' });
    expect(parseOrgCode('  ')).toMatchObject({ ok: false, code: 'REQUIRED' });
  });
});

describe('法释〔2017〕7号 art. 6 ¶1 (一): organisations are identified by credit code or organisation code, with 法定代表人或者负责人', () => {
  it('art. 6 ¶1 (一): lists an organisation that has only an organisation code', () => {
    const r = validateListingDraft(orgDraft({ uscc: undefined, orgCode: 'd2143569-x' }), { today });
    expect(r.ok && r.value).toMatchObject({ orgCode: 'D2143569X', legalRepresentative: '李四' });
    expect(r.ok && r.value.uscc).toBeUndefined();
  });

  it('art. 6 ¶1 (一): still requires one of the two codes, naming both in the message', () => {
    const r = validateListingDraft(orgDraft({ uscc: '', orgCode: ' ' }), { today });
    expect(codes(r)).toEqual(['uscc:REQUIRED']);
    expect(!r.ok && r.errors[0]!.message).toContain('组织机构代码');
  });

  it('art. 6 ¶1 (一): refuses an organisation code that contradicts characters 9–17 of the credit code', () => {
    const r = validateListingDraft(orgDraft({ uscc: '91350100M000100Y43', orgCode: 'D2143569X' }), { today });
    expect(codes(r)).toEqual(['orgCode:ORG_CODE_MISMATCH']);
    const same = validateListingDraft(orgDraft({ uscc: '91350100M000100Y43', orgCode: 'M000100Y-4' }), {
      today,
    });
    expect(same.ok).toBe(true);
  });

  it('art. 6 ¶1 (一): records the role of the named person, 法定代表人 by default or 负责人 for a branch', () => {
    const byDefault = validateListingDraft(orgDraft(), { today });
    expect(byDefault.ok && byDefault.value.legalRepresentativeRole).toBe('法定代表人');
    const branch = validateListingDraft(
      orgDraft({ name: '某某公司海口分公司', legalRepresentativeRole: '负责人' }),
      { today },
    );
    expect(branch.ok && branch.value.legalRepresentativeRole).toBe('负责人');
    expect(codes(validateListingDraft(orgDraft({ legalRepresentativeRole: '董事长' }), { today }))).toEqual([
      'legalRepresentativeRole:INVALID_LEGAL_REPRESENTATIVE_ROLE',
    ]);
  });

  it('art. 6 ¶1 (二): a person carries neither an organisation code nor a representative role', () => {
    const r = validateListingDraft(personDraft({ orgCode: 'D2143569X', legalRepresentativeRole: '负责人' }), {
      today,
    });
    expect(codes(r)).toEqual(['orgCode:FIELD_NOT_ALLOWED', 'legalRepresentativeRole:FIELD_NOT_ALLOWED']);
  });

  it('art. 6 ¶1 (二): a person listed with a 15-digit ID is stored under the 18-digit number', () => {
    const r = validateListingDraft(personDraft({ idNumber: '460103800101123' }), { today });
    expect(r.ok && r.value.idNumber).toBe(ADULT_ID);
  });
});
