/**
 * Case numbers (案号), 最高人民法院《关于人民法院案件案号的若干规定》(2016):
 * `（收案年度）法院代字 + 类型代字 + 案件编号 + 号`, e.g. `（2017）琼9003执1234号`.
 * Cases filed before 2016 keep their old numbers, `（年度）法院简称 + 类型代字 + 字第 + 编号 + 号`,
 * e.g. `（2014）海中法执字第12号` or `(2015)琼01执字第345号`; many are still listed, so both forms
 * are accepted (the old one only for years before 2016, when the new rules took effect).
 * Canonical form: full-width round brackets, no spaces, half-width digits, ending in 号; the old
 * form keeps its 字第, so a search fragment such as `执字第12` matches it.
 */
import { fail, type ParseResult } from './errors.ts';
import { toHalfWidth } from './text-normalize.ts';

export type CaseNoResult = ParseResult<{
  value: string;
  year: number;
  /** 法院代字, e.g. `琼9003`, `京0105`, `最高法` */
  courtCode: string;
  /** 类型代字, e.g. `执`, `执恢`, `执保`, `民初` */
  typeCode: string;
  seq: number;
  /** `2016` for the current numbering rules, `pre2016` for the old 字第 form */
  style: '2016' | 'pre2016';
}>;

const HAN = '\\u3400-\\u9fff';
// Court code: 最高法, or a province/court-system character, with digits below the high court
// (琼 = 海南高院, 琼9003, 京73, 兵0101).
const CASE_NO = new RegExp(`^\\((\\d{4})\\)(最高法|[${HAN}]\\d{0,4})([${HAN}]{1,4}?)(\\d{1,7})号?$`);
// Old form: court abbreviation (characters and digits: 海中法, 琼01, 京一中法, 浦), a type code
// starting with the case-type character (执, 民, 刑, 行, 赔, 破…), then 字第 and the number. The
// shortest court part wins, so 海中法执恢 splits as 海中法 + 执恢, not 海 + 中法执.
const OLD_TYPE_START = '执民刑行赔破商知立司';
const OLD_CASE_NO = new RegExp(
  `^\\((\\d{4})\\)([${HAN}\\d]{1,8}?)([${OLD_TYPE_START}][${HAN}]{0,3})字第(\\d{1,7})号?$`,
);
/** The year the 2016 numbering rules took effect; earlier cases may carry the old form. */
export const CASE_NO_RULES_YEAR = 2016;

/**
 * Same bracket and digit normalisation as the canonical form, without validation, so that a
 * search fragment compares equal to a substring of a canonical case number.
 * @example
 * normalizeCaseNoFragment('(2017) 琼9003') // '（2017）琼9003'
 * normalizeCaseNoFragment('执１２３４') // '执1234'
 */
export function normalizeCaseNoFragment(q: string): string {
  return toHalfWidth(q)
    .replace(/\s+/g, '')
    .replace(/[(〔[【]/g, '（')
    .replace(/[)〕\]】]/g, '）');
}

/**
 * Parses a case number written with (), （）, 〔〕, [] or 【】 brackets, stray spaces and
 * full-width digits; a missing final 号 is added. Returns the canonical form and its parts.
 * @example
 * parseCaseNo('〔2017〕琼9003执恢12号')
 * // { ok: true, value: '（2017）琼9003执恢12号', year: 2017, courtCode: '琼9003', typeCode: '执恢', seq: 12 }
 */
export function parseCaseNo(raw: string): CaseNoResult {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('REQUIRED');
  const ascii = normalizeCaseNoFragment(raw).replace(/（/g, '(').replace(/）/g, ')');
  const old = OLD_CASE_NO.exec(ascii);
  if (old) return parseOldCaseNo(old);
  const m = CASE_NO.exec(ascii);
  if (!m) return fail('INVALID_CASE_NO');
  const year = Number(m[1]);
  const courtCode = m[2]!;
  const typeCode = m[3]!;
  const seq = Number(m[4]);
  if (year < 1949 || year > 2200) return fail('INVALID_CASE_NO', '案号中的年度不正确，请核对。');
  if (typeCode === '' || seq === 0) return fail('INVALID_CASE_NO');
  return {
    ok: true,
    value: `（${year}）${courtCode}${typeCode}${seq}号`,
    year,
    courtCode,
    typeCode,
    seq,
    style: '2016',
  };
}

function parseOldCaseNo(m: RegExpExecArray): CaseNoResult {
  const year = Number(m[1]);
  const courtCode = m[2]!;
  const typeCode = m[3]!;
  const seq = Number(m[4]);
  if (year < 1949) return fail('INVALID_CASE_NO', '案号中的年度不正确，请核对。');
  if (year >= CASE_NO_RULES_YEAR) {
    return fail(
      'INVALID_CASE_NO',
      `${CASE_NO_RULES_YEAR}年起立案的案号不再使用“字第”，应类似“（${year}）琼9003执1234号”。`,
    );
  }
  if (seq === 0) return fail('INVALID_CASE_NO');
  return {
    ok: true,
    value: `（${year}）${courtCode}${typeCode}字第${seq}号`,
    year,
    courtCode,
    typeCode,
    seq,
    style: 'pre2016',
  };
}
