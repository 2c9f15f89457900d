import { describe, expect, it } from 'vitest';
import { csvColumnFor, LISTING_FIELD_LABELS_ZH } from './field-labels.ts';

describe('field labels and header aliases', () => {
  it('labels every draft field in Chinese', () => {
    expect(LISTING_FIELD_LABELS_ZH.idNumber).toBe('身份证号码');
    expect(LISTING_FIELD_LABELS_ZH.termExtensionYears).toBe('延长期限（年）');
  });

  it.each([
    ['name', 'name'],
    ['被执行人姓名/名称', 'name'],
    [' *案号 ', 'caseNo'],
    ['未履行金额（元）', 'amountOwedYuan'],
    ['未履行金额(元)', 'amountOwedYuan'],
    ['amountOwedFen', 'amountOwedFen'],
    ['身份证号码/组织机构代码', 'idOrOrgCode'],
    ['省份', 'region'],
    ['年龄', 'ignored'],
    ['备注', null],
    ['toString', null],
  ])('maps header %s to %s', (header, key) => {
    expect(csvColumnFor(header)).toBe(key);
  });
});
