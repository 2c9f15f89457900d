/**
 * Resident identity card numbers, GB 11643-1999: 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check character (X = 10).
 */
import { daysBetween, formatDate, isIsoDate, todayInChina } from './dates.ts';
import { type DomainErrorCode, fail, type ParseResult } from './errors.ts';
import { toHalfWidth } from './text-normalize.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type Gender = '男' | '女';

export type IdNumberResult = ParseResult<{
  value: string;
  birthDate: string;
  gender: Gender;
  regionCode: string;
}>;

/**
 * The ISO 7064 MOD 11-2 check character for the first 17 digits.
 * @example
 * idNumberCheckChar('11010519491231002') // 'X'
 */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when the text looks like a number Excel rewrote in scientific notation (4.60103E+17). */
export function looksLikeExcelScientific(raw: string): boolean {
  return /^\d(\.\d+)?E\+\d+$/i.test(toHalfWidth(raw).trim());
}

/**
 * Validates and normalises an 18-character ID number: trims, removes inner spaces, converts
 * full-width digits, upper-cases x. Checks the check character, then the birth date (real
 * date, 29 February only in leap years, from 1900-01-01, not after `today`).
 * @example
 * parseIdNumber('11010519491231002x')
 * // { ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: '女', regionCode: '110105' }
 * parseIdNumber('110105194912310021').ok // false (ID_NUMBER_CHECKSUM)
 */
export function parseIdNumber(raw: string, opts: { today?: string } = {}): IdNumberResult {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('REQUIRED');
  if (looksLikeExcelScientific(raw)) return fail('ID_NUMBER_EXCEL_MANGLED');
  const value = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(value)) {
    return fail('INVALID_ID_NUMBER', '这是15位的旧身份证号码，请填写18位的公民身份号码。');
  }
  if (!/^\d{17}[\dX]$/.test(value)) return fail('INVALID_ID_NUMBER');
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return fail('ID_NUMBER_CHECKSUM');
  const birthDate = formatDate(
    Number(value.slice(6, 10)),
    Number(value.slice(10, 12)),
    Number(value.slice(12, 14)),
  );
  const birthError = birthDateProblem(birthDate, opts.today ?? todayInChina());
  if (birthError) return fail('ID_NUMBER_BIRTH_DATE', birthError);
  return {
    ok: true,
    value,
    birthDate,
    gender: Number(value[16]) % 2 === 1 ? '男' : '女',
    regionCode: value.slice(0, 6),
  };
}

function birthDateProblem(birthDate: string, today: string): string | null {
  if (!isIsoDate(birthDate)) return '身份证号码中的出生日期不存在，请核对。';
  if (daysBetween(EARLIEST_BIRTH_DATE, birthDate) < 0) return '身份证号码中的出生日期早于1900年，请核对。';
  if (daysBetween(birthDate, today) < 0) return '身份证号码中的出生日期晚于今天，请核对。';
  return null;
}

/**
 * The public form of an ID number (法释〔2017〕7号 art. 6, as the national database shows it):
 * the 11th–14th characters (birth month and day) replaced by `****`. Anything that is not an
 * 18-character ID comes back fully masked, so a malformed value can never leak.
 * @example
 * maskIdNumber('460103198001011234') // '4601031980****1234'
 */
export function maskIdNumber(id: string): string {
  const v = toHalfWidth(String(id)).replace(/\s+/g, '').toUpperCase();
  if (v.length !== 18) return '*'.repeat(18);
  return `${v.slice(0, 10)}****${v.slice(14)}`;
}

/** Error codes `parseIdNumber` can return. */
export const ID_NUMBER_ERROR_CODES: readonly DomainErrorCode[] = [
  'REQUIRED',
  'INVALID_ID_NUMBER',
  'ID_NUMBER_CHECKSUM',
  'ID_NUMBER_BIRTH_DATE',
  'ID_NUMBER_EXCEL_MANGLED',
];
