import { validateCorrectionRequest } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import {
  type CorrectionInput,
  checkCorrection,
  GROUNDS,
  validateCorrection,
} from '../src/islands/correction/correction-rules.ts';

const TODAY = '2026-11-27';
const VALID: CorrectionInput = {
  listingId: 'demo-1-00001',
  grounds: 'inaccurate',
  requesterName: '张三',
  requesterPhone: '13800138000',
  requesterIdNumber: '',
  explanation: '判决书确定的金额是一万元，公布的金额有误。',
};

/** Fields the server (`POST /api/v1/corrections`) reports for the same form values. */
function serverFields(input: CorrectionInput): string[] {
  const raw: Record<string, string> = { ...input };
  if (!input.requesterIdNumber.trim()) delete raw.requesterIdNumber;
  const r = validateCorrectionRequest(raw, { today: TODAY });
  return r.ok ? [] : [...new Set(r.errors.map((e) => e.field))].sort();
}

const clientFields = (input: CorrectionInput) => Object.keys(validateCorrection(input, TODAY)).sort();

describe('correction request checks', () => {
  it('accepts a complete request', () => {
    expect(validateCorrection(VALID, TODAY)).toEqual({});
  });

  it('names every missing field in zh-CN', () => {
    const errors = validateCorrection(
      {
        listingId: '',
        grounds: '',
        requesterName: ' ',
        requesterPhone: '',
        requesterIdNumber: '',
        explanation: '',
      },
      TODAY,
    );
    expect(Object.keys(errors).sort()).toEqual(
      ['explanation', 'grounds', 'listingId', 'requesterName', 'requesterPhone'].sort(),
    );
    expect(errors.grounds).toBe('请选择申请纠正的理由。');
    expect(errors.requesterPhone).toBe('请填写联系电话，法院审查时会与您联系。');
  });

  it('offers exactly the grounds the server accepts', () => {
    expect(GROUNDS).toEqual(['should_not_be_listed', 'inaccurate', 'should_be_deleted']);
  });

  it('agrees with the server on which fields are at fault, case by case', () => {
    const cases: Partial<CorrectionInput>[] = [
      {},
      { requesterPhone: '138 0013 8000' },
      { requesterPhone: '+86 138-0013-8000' },
      { requesterPhone: '0898-23300000' },
      { requesterPhone: '（0898）23300000' },
      { requesterPhone: '１３８００１３８０００' },
      { requesterPhone: '0898-23300000-123' },
      { requesterPhone: '12345' },
      { requesterPhone: '1380013800a' },
      { requesterPhone: '1'.repeat(31) },
      { requesterName: '某'.repeat(100) },
      { requesterName: '某'.repeat(101) },
      { requesterIdNumber: '11010519491231002x' },
      { requesterIdNumber: '110105194912310021' },
      { requesterIdNumber: '110105202912310025' },
      { explanation: '有误' },
      { explanation: '一二三四五六七八九十' },
      { explanation: '字'.repeat(2000) },
      { explanation: '字'.repeat(2001) },
      { listingId: 'x'.repeat(65) },
      { grounds: '' },
      { grounds: 'other' as CorrectionInput['grounds'] },
      { requesterName: '', requesterPhone: '', explanation: '' },
    ];
    for (const c of cases) {
      const input = { ...VALID, ...c };
      expect(clientFields(input), JSON.stringify(c)).toEqual(serverFields(input));
    }
  });

  it('sends the values as the server normalises them, and the server accepts them as sent', () => {
    const checked = checkCorrection(
      {
        ...VALID,
        requesterName: ' 张三 ',
        requesterPhone: '+86 138-0013-8000',
        requesterIdNumber: '11010519491231002x',
      },
      TODAY,
    );
    expect(checked).toEqual({
      ok: true,
      body: {
        listingId: 'demo-1-00001',
        grounds: 'inaccurate',
        requesterName: '张三',
        requesterPhone: '13800138000',
        requesterIdNumber: '11010519491231002X',
        explanation: VALID.explanation,
      },
    });
    if (checked.ok) expect(validateCorrectionRequest(checked.body, { today: TODAY }).ok).toBe(true);
    const noId = checkCorrection(VALID, TODAY);
    expect(noId.ok && 'requesterIdNumber' in noId.body).toBe(false);
  });

  it("shows the server's zh-CN sentences for format errors", () => {
    expect(validateCorrection({ ...VALID, requesterPhone: '12345' }, TODAY).requesterPhone).toBe(
      '联系电话格式不正确，请填写 11 位手机号码或带区号的固定电话。',
    );
    expect(validateCorrection({ ...VALID, requesterIdNumber: '110105194912310021' }, TODAY)).toEqual({
      requesterIdNumber: '身份证号码校验位不正确，请逐位核对。',
    });
    expect(validateCorrection({ ...VALID, explanation: '有误' }, TODAY).explanation).toMatch(/至少 10 个字/);
    expect(validateCorrection({ ...VALID, explanation: '字'.repeat(2001) }, TODAY).explanation).toMatch(
      /最多 2000 个字/,
    );
  });
});
