import { describe, expect, it } from 'vitest';
import {
  type CorrectionInput,
  normalizePhone,
  toRequestBody,
  validateCorrection,
} from '../src/islands/correction/correction-rules.ts';

const VALID: CorrectionInput = {
  listingId: 'demo-1-00001',
  grounds: 'inaccurate',
  requesterName: '张三',
  requesterPhone: '13800138000',
  requesterIdNumber: '',
  explanation: '判决书确定的金额是一万元，公布的金额有误。',
};

describe('correction request checks', () => {
  it('accepts a complete request', () => {
    expect(validateCorrection(VALID)).toEqual({});
  });

  it('names every missing field in zh-CN', () => {
    const errors = validateCorrection({
      listingId: '',
      grounds: '',
      requesterName: ' ',
      requesterPhone: '',
      requesterIdNumber: '',
      explanation: '',
    });
    expect(Object.keys(errors).sort()).toEqual(
      ['explanation', 'grounds', 'listingId', 'requesterName', 'requesterPhone'].sort(),
    );
    expect(errors.grounds).toBe('请选择申请纠正的理由。');
  });

  it('accepts mobile and landline numbers as people type them', () => {
    for (const phone of [
      '138 0013 8000',
      '+86 138-0013-8000',
      '0898-23300000',
      '（0898）23300000',
      '１３８００１３８０００',
    ]) {
      expect(validateCorrection({ ...VALID, requesterPhone: phone }).requesterPhone, phone).toBeUndefined();
    }
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(validateCorrection({ ...VALID, requesterPhone: '12345' }).requesterPhone).toMatch(
      /^请填写正确的手机号码/,
    );
  });

  it('checks an optional ID number with the national check digit', () => {
    expect(
      validateCorrection({ ...VALID, requesterIdNumber: '11010519491231002X' }).requesterIdNumber,
    ).toBeUndefined();
    expect(validateCorrection({ ...VALID, requesterIdNumber: '110105194912310021' }).requesterIdNumber).toBe(
      '身份证号码校验位不正确，请逐位核对。',
    );
  });

  it('asks for a real explanation, within 2,000 characters', () => {
    expect(validateCorrection({ ...VALID, explanation: '有误' }).explanation).toMatch(/至少10个字/);
    expect(validateCorrection({ ...VALID, explanation: '字'.repeat(2001) }).explanation).toMatch(
      /不能超过2000个字/,
    );
  });

  it('sends trimmed values and leaves an empty ID number out', () => {
    const body = toRequestBody({ ...VALID, requesterName: ' 张三 ', requesterPhone: '138 0013 8000' });
    expect(body).toEqual({
      listingId: 'demo-1-00001',
      grounds: 'inaccurate',
      requesterName: '张三',
      requesterPhone: '13800138000',
      explanation: VALID.explanation,
    });
    expect(toRequestBody({ ...VALID, requesterIdNumber: '11010519491231002x' }).requesterIdNumber).toBe(
      '11010519491231002X',
    );
  });
});
