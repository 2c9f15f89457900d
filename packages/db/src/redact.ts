import { maskIdNumber } from '@portal/domain';

/** 18 characters whose 7th–14th look like a birth date: an ID number, valid check character or not. */
const ID_LIKE =
  /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;

/** Masks every ID number inside a text (`4601031980****1234`), mistyped ones included. */
export function redactIdNumbersInText(text: string): string {
  return text.replace(ID_LIKE, (match) => maskIdNumber(match));
}

/**
 * A copy of a JSON-like value with every ID number masked, at any depth. Audit details and
 * reasons go through this so the log never holds a full ID number.
 *
 * @example
 * redactIdNumbers({ note: '核对 460103198001011234' }) // { note: '核对 4601031980****1234' }
 */
export function redactIdNumbers<T>(value: T): T {
  if (typeof value === 'string') return redactIdNumbersInText(value) as T;
  if (Array.isArray(value)) return value.map(redactIdNumbers) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) out[key] = redactIdNumbers(member);
  return out as T;
}
