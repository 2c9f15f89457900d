/**
 * 纠正申请 (法释〔2017〕7号 arts. 11–12): a person or organisation on the list may ask the court to
 * correct it when it should not be listed, is inaccurate, or should be deleted. The court reviews
 * within 15 days and corrects within 3 working days of deciding.
 */

import { type FieldError, fieldError } from './errors.ts';
import { parseIdNumber } from './id-number.ts';
import { isBlank, type RawDraft, readText } from './text-field.ts';
import { toHalfWidth } from './text-normalize.ts';
import { correctionReviewDeadline } from './working-days.ts';

export type CorrectionGrounds = 'should_not_be_listed' | 'inaccurate' | 'should_be_deleted';

export const CORRECTION_GROUNDS: readonly { code: CorrectionGrounds; label: string; article: string }[] = [
  { code: 'should_not_be_listed', label: '不应被纳入失信被执行人名单', article: '第十一条第一项' },
  { code: 'inaccurate', label: '记载和公布的失信信息不准确', article: '第十一条第二项' },
  { code: 'should_be_deleted', label: '失信信息应予删除', article: '第十一条第三项' },
];

export interface CorrectionRequestInput {
  listingId: string;
  grounds: CorrectionGrounds;
  requesterName: string;
  requesterPhone: string;
  requesterIdNumber?: string;
  explanation: string;
}

export type CorrectionResult =
  | { ok: true; value: CorrectionRequestInput & { reviewDeadline: string } }
  | { ok: false; errors: FieldError[] };

/** Mainland mobile (11 digits from 13–19) or a landline with area code, separators allowed. */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}\d{7,8}(?:\d{1,6})?)$/;

/**
 * Validates a correction request and computes its 15-day review deadline from the day received.
 * @example
 * validateCorrectionRequest({ listingId: 'L1', grounds: 'inaccurate', requesterName: '张三',
 *   requesterPhone: '13800000000', explanation: '金额已部分履行，应予更正。' }, { today: '2026-11-27' })
 */
export function validateCorrectionRequest(input: unknown, opts: { today: string }): CorrectionResult {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [fieldError('', 'INVALID_INPUT')] };
  }
  const raw = input as RawDraft;
  const errors: FieldError[] = [];
  const listingId = readText(raw, 'listingId', errors, { max: 64 });
  const grounds = raw.grounds;
  if (isBlank(grounds) || !CORRECTION_GROUNDS.some((g) => g.code === grounds)) {
    errors.push(fieldError('grounds', 'INVALID_CORRECTION_GROUNDS'));
  }
  const requesterName = readText(raw, 'requesterName', errors, { max: 100 });
  const phoneRaw = readText(raw, 'requesterPhone', errors, { max: 30 });
  const phone =
    phoneRaw === undefined
      ? undefined
      : toHalfWidth(phoneRaw)
          .replace(/[\s()（）+-]/g, '')
          .replace(/^86(?=1)/, '');
  if (phone !== undefined && !PHONE.test(phone)) errors.push(fieldError('requesterPhone', 'INVALID_PHONE'));
  let requesterIdNumber: string | undefined;
  if (!isBlank(raw.requesterIdNumber)) {
    const parsed = parseIdNumber(String(raw.requesterIdNumber), { today: opts.today });
    if (parsed.ok) requesterIdNumber = parsed.value;
    else errors.push(fieldError('requesterIdNumber', parsed.code, parsed.message));
  }
  const explanation = readText(raw, 'explanation', errors, { max: 2000, multiline: true });
  if (explanation !== undefined && [...explanation].length < 10)
    errors.push(fieldError('explanation', 'TOO_SHORT'));
  if (errors.length > 0 || !listingId || !requesterName || !phone || !explanation)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      listingId,
      grounds: grounds as CorrectionGrounds,
      requesterName,
      requesterPhone: phone,
      ...(requesterIdNumber ? { requesterIdNumber } : {}),
      explanation,
      reviewDeadline: correctionReviewDeadline(opts.today),
    },
  };
}
