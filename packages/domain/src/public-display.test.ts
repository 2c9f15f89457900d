import { describe, expect, it } from 'vitest';
import { formatOrgCode, orgIdentifierOf, representativeRoleOf } from './public-display.ts';

describe('how a public listing shows an organisation (art. 6 ¶1 (一))', () => {
  it('art. 6: shows the credit code when there is one, else the organisation code with its hyphen', () => {
    expect(orgIdentifierOf({ uscc: '91350100M000100Y43', orgCode: 'M000100Y4' })).toEqual({
      label: '统一社会信用代码',
      value: '91350100M000100Y43',
    });
    expect(orgIdentifierOf({ uscc: '', orgCode: 'D2143569X' })).toEqual({
      label: '组织机构代码',
      value: 'D2143569-X',
    });
    expect(orgIdentifierOf({ uscc: '' })).toBeNull();
  });

  it('GB 11714: writes a 9-character code as 8 characters, hyphen, check character; leaves other text alone', () => {
    expect(formatOrgCode('123456789')).toBe('12345678-9');
    expect(formatOrgCode('12345')).toBe('12345');
  });

  it('art. 6: names the representative by the recorded role, 法定代表人 when none was recorded', () => {
    expect(representativeRoleOf({ legalRepresentativeRole: '负责人' })).toBe('负责人');
    expect(representativeRoleOf({})).toBe('法定代表人');
  });
});
