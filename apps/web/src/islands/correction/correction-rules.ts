/**
 * Client-side checks of a correction request (法释〔2017〕7号 arts. 11–12). They are the API's own
 * rules: `validateCorrectionRequest` from @portal/domain, the function `POST /api/v1/corrections`
 * runs, so a request the form lets through is one the server accepts, and the form sends the
 * values exactly as the server normalises them. The server stays the authority (it also checks
 * that the listing is still published); its field errors are shown the same way.
 */
import {
  CORRECTION_GROUNDS,
  type CorrectionGrounds,
  type CorrectionRequestInput,
  todayInChina,
  validateCorrectionRequest,
} from '@portal/domain';

export type Grounds = CorrectionGrounds;
export const GROUNDS: readonly Grounds[] = CORRECTION_GROUNDS.map((g) => g.code);

/** The three grounds of art. 11 (the domain's wording), with examples for the person applying. */
export const GROUNDS_TEXT: Record<Grounds, { label: string; hint: string }> = {
  should_not_be_listed: {
    label: groundsLabel('should_not_be_listed'),
    hint: '例如：已提供充分担保，或已查封的财产足以清偿，或纳入时未满十八周岁。',
  },
  inaccurate: {
    label: groundsLabel('inaccurate'),
    hint: '例如：姓名、证件号码、案号或金额写错了。',
  },
  should_be_deleted: {
    label: groundsLabel('should_be_deleted'),
    hint: '例如：已全部履行义务，或申请执行人已书面申请删除，或公布期限已经届满。',
  },
};

function groundsLabel(code: Grounds): string {
  return CORRECTION_GROUNDS.find((g) => g.code === code)?.label ?? code;
}

export interface CorrectionInput {
  listingId: string;
  grounds: Grounds | '';
  requesterName: string;
  requesterPhone: string;
  requesterIdNumber: string;
  explanation: string;
}

export type CorrectionField = keyof CorrectionInput;
export type FieldErrors = Partial<Record<CorrectionField, string>>;

/** Limits of `validateCorrectionRequest`, for hints. */
export const EXPLANATION_MIN = 10;
export const EXPLANATION_MAX = 2000;

/**
 * Wording for the form where the domain's default sentence lacks context: in the error summary a
 * bare “该项为必填项” would not say which field. Keyed by `field:code`; other errors keep the
 * domain's message, the same sentence the server would answer with.
 */
const FORM_MESSAGES: Record<string, string> = {
  'listingId:REQUIRED': '请填写要申请纠正的记录编号。',
  'grounds:INVALID_CORRECTION_GROUNDS': '请选择申请纠正的理由。',
  'requesterName:REQUIRED': '请填写申请人姓名或单位名称。',
  'requesterPhone:REQUIRED': '请填写联系电话，法院审查时会与您联系。',
  'explanation:REQUIRED': `请说明申请纠正的事实和理由，至少 ${EXPLANATION_MIN} 个字。`,
  'explanation:TOO_SHORT': `请说明申请纠正的事实和理由，至少 ${EXPLANATION_MIN} 个字。`,
};

const FIELDS: readonly CorrectionField[] = [
  'listingId',
  'grounds',
  'requesterName',
  'requesterPhone',
  'requesterIdNumber',
  'explanation',
];

/** What the form holds, as the raw request (empty optional ID number left out). */
function rawRequest(input: CorrectionInput): Record<string, string> {
  const raw: Record<string, string> = {
    listingId: input.listingId,
    grounds: input.grounds,
    requesterName: input.requesterName,
    requesterPhone: input.requesterPhone,
    explanation: input.explanation,
  };
  if (input.requesterIdNumber.trim()) raw.requesterIdNumber = input.requesterIdNumber;
  return raw;
}

type Checked = { ok: true; body: CorrectionRequestInput } | { ok: false; errors: FieldErrors };

/**
 * Runs the server's validation on the form's values: either the request body to send (normalised
 * by the domain) or one zh-CN message per field at fault.
 * @example
 * checkCorrection({ ...input, requesterPhone: '123' })
 * // { ok: false, errors: { requesterPhone: '联系电话格式不正确，…' } }
 */
export function checkCorrection(input: CorrectionInput, today: string = todayInChina()): Checked {
  const result = validateCorrectionRequest(rawRequest(input), { today });
  if (result.ok) {
    const { reviewDeadline: _computedByServer, ...body } = result.value;
    return { ok: true, body };
  }
  const errors: FieldErrors = {};
  for (const e of result.errors) {
    const field = FIELDS.find((f) => f === e.field);
    if (!field || errors[field]) continue;
    errors[field] = FORM_MESSAGES[`${field}:${e.code}`] ?? e.message;
  }
  return { ok: false, errors };
}

/**
 * All problems with a request, one zh-CN message per field (empty when it may be sent).
 * @example
 * validateCorrection({ ...input, grounds: '' }).grounds // '请选择申请纠正的理由。'
 */
export function validateCorrection(input: CorrectionInput, today?: string): FieldErrors {
  const checked = checkCorrection(input, today);
  return checked.ok ? {} : checked.errors;
}
