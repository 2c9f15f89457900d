/**
 * Resident identity card numbers, GB 11643-1999: 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check character (X = 10).
 * First-generation 15-digit numbers (2-digit birth year, no check character) are converted to
 * 18 digits the way the public security organs do: insert 19 before the year, append the check
 * character. The region code's first two digits must name a GB/T 2260 province; county codes
 * are not checked, since a number keeps the county code in force when it was issued.
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
  /** present (true) when the input was a 15-digit first-generation number */
  convertedFrom15?: true;
}>;

/**
 * Province-level codes of GB/T 2260 (first two digits of a region code), with 81–83 for the
 * residence permits of Hong Kong, Macao and Taiwan residents (which use 810000/820000/830000).
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '台湾地区居民（居住证）',
});

/**
 * The 18-digit form of a 15-digit first-generation ID number: `19` inserted before the 2-digit
 * birth year, check character appended.
 * @example
 * convertIdNumber15To18('110105491231002') // '11010519491231002X'
 */
export function convertIdNumber15To18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('convertIdNumber15To18 expects 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idNumberCheckChar(first17);
}

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
 * Validates and normalises an ID number: trims, removes inner spaces, converts full-width digits,
 * upper-cases x, converts a 15-digit number to 18 digits. Checks the check character, the
 * province code (GB/T 2260), then the birth date (real date, 29 February only in leap years,
 * from 1900-01-01, not after `today`).
 * @example
 * parseIdNumber('11010519491231002x')
 * // { ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: '女', regionCode: '110105' }
 * parseIdNumber('110105194912310021').ok // false (ID_NUMBER_CHECKSUM)
 */
export function parseIdNumber(raw: string, opts: { today?: string } = {}): IdNumberResult {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('REQUIRED');
  if (looksLikeExcelScientific(raw)) return fail('ID_NUMBER_EXCEL_MANGLED');
  const typed = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  const convertedFrom15 = /^\d{15}$/.test(typed);
  const value = convertedFrom15 ? convertIdNumber15To18(typed) : typed;
  if (!/^\d{17}[\dX]$/.test(value)) return fail('INVALID_ID_NUMBER');
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return fail('ID_NUMBER_CHECKSUM');
  if (!Object.hasOwn(PROVINCE_CODES, value.slice(0, 2))) {
    return fail(
      'ID_NUMBER_REGION',
      `身份证号码前两位“${value.slice(0, 2)}”不是有效的省级行政区划代码，请核对。`,
    );
  }
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
    ...(convertedFrom15 ? { convertedFrom15: true as const } : {}),
  };
}

function birthDateProblem(birthDate: string, today: string): string | null {
  if (!isIsoDate(birthDate)) return '身份证号码中的出生日期不存在，请核对。';
  if (daysBetween(EARLIEST_BIRTH_DATE, birthDate) < 0) return '身份证号码中的出生日期早于 1900 年，请核对。';
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
  'ID_NUMBER_REGION',
];
