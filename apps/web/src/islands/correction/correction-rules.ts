/**
 * Client-side checks of a correction request (法释〔2017〕7号 arts. 11–12), mirroring the API's
 * validation of `POST /api/v1/corrections` so citizens see problems before sending. The server
 * stays the authority: its field errors are shown the same way.
 */
// UNFINISHED: the rules below (name ≤ 50, mobile/landline phone, optional GB 11643 ID, explanation
// 10–2000 characters) are this form's proposal; align them with the API's validation of
// POST /api/v1/corrections (ideally one shared schema in @portal/domain) once it lands.
import { parseIdNumber } from '@portal/domain';

export const GROUNDS = ['should_not_be_listed', 'inaccurate', 'should_be_deleted'] as const;
export type Grounds = (typeof GROUNDS)[number];

/** The three grounds of art. 11, worded for the person applying. */
export const GROUNDS_TEXT: Record<Grounds, { label: string; hint: string }> = {
  should_not_be_listed: {
    label: '不应将我纳入失信被执行人名单',
    hint: '例如：已提供充分担保，或已查封的财产足以清偿，或纳入时未满十八周岁。',
  },
  inaccurate: {
    label: '记载和公布的失信信息不准确',
    hint: '例如：姓名、证件号码、案号或金额写错了。',
  },
  should_be_deleted: {
    label: '失信信息应当删除',
    hint: '例如：已全部履行义务，或申请执行人已书面申请删除，或公布期限已经届满。',
  },
};

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

export const NAME_MAX = 50;
export const EXPLANATION_MIN = 10;
export const EXPLANATION_MAX = 2000;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/**
 * Phone number with spaces, hyphens and a +86 / 86 prefix removed, full-width digits made half-width.
 * @example
 * normalizePhone('138 0013 8000') // '13800138000'
 */
export function normalizePhone(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-－()（）]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '');
}

/**
 * All problems with a request, one zh-CN message per field (empty when it may be sent).
 * @example
 * validateCorrection({ ...input, requesterPhone: '123' }).requesterPhone // '请填写正确的手机号码或固定电话…'
 */
export function validateCorrection(input: CorrectionInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.listingId.trim()) errors.listingId = '请填写要申请纠正的记录编号。';
  else if (!/^[\w-]{1,64}$/.test(input.listingId.trim()))
    errors.listingId = '记录编号格式不正确，请从记录页面进入本表。';
  if (!input.grounds) errors.grounds = '请选择申请纠正的理由。';
  const name = input.requesterName.trim();
  if (!name) errors.requesterName = '请填写申请人姓名或单位名称。';
  else if (name.length > NAME_MAX) errors.requesterName = `申请人姓名或名称不能超过${NAME_MAX}个字。`;
  const phone = normalizePhone(input.requesterPhone);
  if (!phone) errors.requesterPhone = '请填写联系电话，法院审查时会与您联系。';
  else if (!MOBILE.test(phone) && !LANDLINE.test(phone)) {
    errors.requesterPhone = '请填写正确的手机号码或固定电话（固定电话请带区号，如 0898-23300000）。';
  }
  if (input.requesterIdNumber.trim()) {
    const id = parseIdNumber(input.requesterIdNumber);
    if (!id.ok) errors.requesterIdNumber = id.message;
  }
  const explanation = input.explanation.trim();
  if (explanation.length < EXPLANATION_MIN) {
    errors.explanation = `请说明申请纠正的事实和理由，至少${EXPLANATION_MIN}个字。`;
  } else if (explanation.length > EXPLANATION_MAX) {
    errors.explanation = `说明不能超过${EXPLANATION_MAX}个字，现在是${explanation.length}个字。`;
  }
  return errors;
}

/** The JSON body of `POST /api/v1/corrections` (optional ID number left out when empty). */
export function toRequestBody(input: CorrectionInput): Record<string, string> {
  const body: Record<string, string> = {
    listingId: input.listingId.trim(),
    grounds: input.grounds,
    requesterName: input.requesterName.trim(),
    requesterPhone: normalizePhone(input.requesterPhone),
    explanation: input.explanation.trim(),
  };
  const id = input.requesterIdNumber.trim();
  if (id) body.requesterIdNumber = id.toUpperCase();
  return body;
}
