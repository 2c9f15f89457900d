import { describe, expect, it } from 'vitest';
import { redactAuditDetails, redactAuditText } from './audit-redaction.ts';

describe('audit redaction for display', () => {
  it('masks mobile and landline numbers and long digit runs inside text', () => {
    expect(redactAuditText('回电 13907550000 或 0898-23456789')).toBe('回电 139****0000 或 0898-****6789');
    expect(redactAuditText('卡号 6222020200112233445')).toBe('卡号 6222********3445');
  });

  it('leaves case numbers, dates and amounts readable', () => {
    const text = '（2017）琼9003执1234号 2017-07-18 金额 1234500';
    expect(redactAuditText(text)).toBe(text);
  });

  it('hides contact keys, masks ID-number keys even when mistyped, at any depth', () => {
    expect(
      redactAuditDetails({
        before: { idNumber: '46010319800101123', name: '符某' },
        after: { idNumber: '460103198001011234' },
        contact: { name: '符举报', phone: '13907550000' },
        requesterPhone: null,
      }),
    ).toEqual({
      before: { idNumber: '460103****1123', name: '符某' },
      after: { idNumber: '4601031980****1234' },
      contact: '［已隐去］',
      requesterPhone: null,
    });
  });
});
