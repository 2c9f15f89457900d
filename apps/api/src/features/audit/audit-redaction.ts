import { redactIdNumbers, redactIdNumbersInText } from '@portal/db';
import { maskIdNumber } from '@portal/domain';

/**
 * The second redaction every audit entry passes before it leaves the server. Entries are written
 * redacted already (full ID numbers masked by `appendAudit`), but the chain is append-only: an
 * entry written by older code, or a reason typed by staff, may still hold a phone number or a
 * contact. What a person could be identified by never reaches the browser from here.
 */

const HIDDEN = '［已隐去］';

/** Keys whose values are personal data whatever they hold (tipster/requester identity, contact). */
const PERSONAL_KEYS = /contact|phone|requester|tipster|identity|password|secret|receipt|address/i;
/** Keys that hold an ID number: always shown masked, even a mistyped one the pattern would miss. */
const ID_NUMBER_KEYS = /^idNumber/i;

/** Mainland mobile numbers and landlines with an area code, inside any text. */
const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)|(?<!\d)(0\d{2,3})-?\d{3,4}(\d{4})(?!\d)/g;
/** Any other run of 15 or more digits (an old 15-digit ID number, a bank card): keep its ends. */
const LONG_DIGITS = /(?<!\d)(\d{4})\d{7,}(\d{4})(?!\d)/g;

/**
 * Masks ID numbers, phone numbers and long digit runs inside a text.
 * @example
 * redactAuditText('回电 13907550000') // '回电 139****0000'
 */
export function redactAuditText(text: string): string {
  return redactIdNumbersInText(text)
    .replace(PHONE, (_m, m1, m2, l1, l2) => (m1 ? `${m1}****${m2}` : `${l1}-****${l2}`))
    .replace(LONG_DIGITS, (_m, head, tail) => `${head}********${tail}`);
}

function maskIdValue(value: unknown): unknown {
  if (typeof value !== 'string') return value === null || value === undefined ? value : HIDDEN;
  if (/^\d{17}[\dXx]$/.test(value)) return maskIdNumber(value);
  if (value.includes('*')) return value;
  return value.length > 10 ? `${value.slice(0, 6)}****${value.slice(-4)}` : HIDDEN;
}

/**
 * A copy of an entry's details fit to show: personal keys hidden, ID-number keys masked, every
 * text redacted, at any depth.
 * @example
 * redactAuditDetails({ contactPhone: '13907550000', note: '身份证 460103198001011234' })
 * // { contactPhone: '［已隐去］', note: '身份证 4601031980****1234' }
 */
export function redactAuditDetails(value: unknown, key = ''): unknown {
  if (key && PERSONAL_KEYS.test(key)) return value === null || value === undefined ? value : HIDDEN;
  if (key && ID_NUMBER_KEYS.test(key)) return maskIdValue(value);
  if (typeof value === 'string') return redactAuditText(value);
  if (Array.isArray(value)) return value.map((v) => redactAuditDetails(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, member] of Object.entries(redactIdNumbers(value as Record<string, unknown>))) {
    out[k] = redactAuditDetails(member, k);
  }
  return out;
}
