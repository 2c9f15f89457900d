/**
 * The closed set of domain error codes. Every validator in this package reports one of these,
 * with a zh-CN sentence for the person who typed the value. The API maps them onto its error
 * envelope (`{ error: { code, message, field } }`), the CSV import onto its rejection list.
 */

export type DomainErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_TYPE'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'FIELD_NOT_ALLOWED'
  | 'INVALID_KIND'
  | 'INVALID_ID_NUMBER'
  | 'ID_NUMBER_CHECKSUM'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_EXCEL_MANGLED'
  | 'ID_NUMBER_REGION'
  | 'MINOR_NOT_LISTABLE'
  | 'INVALID_GENDER'
  | 'GENDER_MISMATCH'
  | 'INVALID_USCC'
  | 'USCC_CHECKSUM'
  | 'INVALID_ORG_CODE'
  | 'ORG_CODE_CHECKSUM'
  | 'ORG_CODE_MISMATCH'
  | 'INVALID_LEGAL_REPRESENTATIVE_ROLE'
  | 'INVALID_CASE_NO'
  | 'CASE_NO_YEAR_MISMATCH'
  | 'INVALID_CATEGORY'
  | 'INVALID_AMOUNT'
  | 'INVALID_DATE'
  | 'DATE_IN_FUTURE'
  | 'DATE_ORDER'
  | 'INVALID_BOOLEAN'
  | 'INVALID_REMOVAL_REASON'
  | 'INVALID_TERM_EXTENSION'
  | 'INVALID_TERM_EXTENSION_GROUND'
  | 'REMOVAL_REASON_NOT_APPLICABLE'
  | 'RELISTING_REFUSED'
  | 'CSV_EMPTY'
  | 'CSV_NO_ROWS'
  | 'CSV_MALFORMED'
  | 'CSV_MISSING_COLUMN'
  | 'CSV_DUPLICATE_COLUMN'
  | 'CSV_DUPLICATE_ROW'
  | 'INVALID_PHONE'
  | 'INVALID_CORRECTION_GROUNDS'
  | 'TOO_SHORT';

/** Default zh-CN message per code. Validators may return a more specific sentence. */
export const DOMAIN_ERROR_MESSAGES: Record<DomainErrorCode, string> = {
  INVALID_INPUT: '提交的内容格式不正确，请检查后重新提交。',
  INVALID_TYPE: '该项的类型不正确，请填写文字。',
  REQUIRED: '该项为必填项，请填写。',
  TOO_LONG: '内容过长，请精简后重新填写。',
  FIELD_NOT_ALLOWED: '该类型的被执行人不应填写此项。',
  INVALID_KIND: '被执行人类型只能是“自然人”或“法人或其他组织”。',
  INVALID_ID_NUMBER: '身份证号码应为 18 位，前 17 位为数字，最后一位为数字或字母 X。',
  ID_NUMBER_CHECKSUM: '身份证号码校验位不正确，请逐位核对。',
  ID_NUMBER_BIRTH_DATE: '身份证号码中的出生日期无效，请核对。',
  ID_NUMBER_EXCEL_MANGLED:
    '身份证号码被 Excel 转换成了科学计数法（如 4.60103E+17），请将该列设置为“文本”格式，重新填写后再导出。',
  ID_NUMBER_REGION: '身份证号码前两位不是有效的省级行政区划代码，请核对。',
  MINOR_NOT_LISTABLE: '被执行人在发布日期未满十八周岁，依法不得纳入失信被执行人名单。',
  INVALID_GENDER: '性别只能填写“男”或“女”。',
  GENDER_MISMATCH: '填写的性别与身份证号码不一致，请核对。',
  INVALID_USCC: '统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、Z、S、V）。',
  USCC_CHECKSUM: '统一社会信用代码校验位不正确，请逐位核对。',
  INVALID_ORG_CODE: '组织机构代码应为 9 位，由 8 位数字或大写字母和 1 位校验码组成（如“12345678-9”）。',
  ORG_CODE_CHECKSUM: '组织机构代码校验码不正确，请逐位核对。',
  ORG_CODE_MISMATCH: '组织机构代码与统一社会信用代码第 9 至 17 位不一致，请核对。',
  INVALID_LEGAL_REPRESENTATIVE_ROLE: '法定代表人或者负责人的身份只能填写“法定代表人”或“负责人”。',
  INVALID_CASE_NO: '案号格式不正确，应类似“（2017）琼9003执1234号”。',
  CASE_NO_YEAR_MISMATCH: '案号中的年度与立案日期的年份不一致，请核对。',
  INVALID_CATEGORY: '失信被执行人具体情形只能选择第一项至第六项中的一项。',
  INVALID_AMOUNT: '金额格式不正确，请填写不小于 0 的金额，最多保留两位小数。',
  INVALID_DATE: '日期无效，请按“2017-07-18”的格式填写。',
  DATE_IN_FUTURE: '日期不能晚于今天。',
  DATE_ORDER: '发布日期不能早于立案日期。',
  INVALID_BOOLEAN: '该项只能填写“是”或“否”。',
  INVALID_REMOVAL_REASON: '删除失信信息的理由不在法定情形之内。',
  INVALID_TERM_EXTENSION: '延长期限只能是 1 至 3 年，且仅适用于第二项至第六项情形。',
  INVALID_TERM_EXTENSION_GROUND:
    '延长纳入期限的理由只能是“以暴力、威胁方法妨碍、抗拒执行情节严重”或“具有多项失信行为”。',
  REMOVAL_REASON_NOT_APPLICABLE: '该删除理由不适用于这一类失信信息。',
  RELISTING_REFUSED: '申请执行人书面申请删除失信信息后六个月内，其申请将该被执行人纳入失信名单的，不予支持。',
  CSV_EMPTY: '文件为空，请至少包含表头和一行数据。',
  CSV_NO_ROWS: '文件只有表头，没有数据行，请填写至少一行数据后重新导入。',
  CSV_MALFORMED: '文件格式有误：引号未闭合，请用 Excel 重新另存为 CSV 文件。',
  CSV_MISSING_COLUMN: '文件缺少必需的列。',
  CSV_DUPLICATE_COLUMN: '文件中有重复的列。',
  CSV_DUPLICATE_ROW: '该行与前面某行的案号和证件号码相同，已跳过。',
  INVALID_PHONE: '联系电话格式不正确，请填写 11 位手机号码或带区号的固定电话。',
  INVALID_CORRECTION_GROUNDS: '请选择申请纠正的理由：不应纳入、信息有误或应予删除。',
  TOO_SHORT: '内容过短，请写明具体情况。',
};

/** One problem with one input field; `field` is the input field name (e.g. `idNumber`). */
export interface FieldError {
  field: string;
  code: DomainErrorCode;
  message: string;
}

/** Result of parsing one value: the normalised value plus extras, or a code and a message. */
export type ParseResult<T extends object> =
  | ({ ok: true } & T)
  | { ok: false; code: DomainErrorCode; message: string };

/**
 * Builds a failed parse result with the default message for `code` unless one is given.
 * @example
 * fail('INVALID_AMOUNT') // { ok: false, code: 'INVALID_AMOUNT', message: '金额格式不正确，…' }
 */
export function fail(
  code: DomainErrorCode,
  message?: string,
): { ok: false; code: DomainErrorCode; message: string } {
  return { ok: false, code, message: message ?? DOMAIN_ERROR_MESSAGES[code] };
}

/**
 * Builds a FieldError with the default message for `code` unless one is given.
 * @example
 * fieldError('name', 'REQUIRED') // { field: 'name', code: 'REQUIRED', message: '该项为必填项，请填写。' }
 */
export function fieldError(field: string, code: DomainErrorCode, message?: string): FieldError {
  return { field, code, message: message ?? DOMAIN_ERROR_MESSAGES[code] };
}

/**
 * Thrown only when a caller breaks a documented precondition (a programming error, never bad
 * user input): e.g. projecting a record that was never published. English message for logs.
 */
export class DomainInvariantError extends Error {
  override name = 'DomainInvariantError';
}
