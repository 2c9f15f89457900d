/**
 * The CSV template court staff download from the console's 导入 screen: the Chinese headers the
 * import understands (every required column, then the usual optional ones) and one example row
 * of synthetic data, so a clerk starts from a file that imports.
 */
import { toCsv } from './csv-export.ts';

/** Headers in the order of the 失信 decision form; each maps to a column via `csvColumnFor`. */
export const LISTING_CSV_TEMPLATE_HEADERS: readonly string[] = [
  '类型',
  '姓名/名称',
  '身份证号码',
  '性别',
  '统一社会信用代码',
  '法定代表人',
  '案号',
  '执行法院',
  '立案日期',
  '执行依据制作单位',
  '执行依据文号',
  '生效法律文书确定的义务',
  '被执行人的履行情况',
  '失信被执行人具体情形',
  '未履行金额（元）',
  '涉民生案件',
  '地区',
];

/** One example row (synthetic; the ID number's check digit is valid), in the headers' order. */
const EXAMPLE_ROW: readonly string[] = [
  '自然人',
  '演示张三',
  '460100198001011236',
  '男',
  '',
  '',
  '（2017）琼9003执1234号',
  '儋州市人民法院',
  '2017-07-18',
  '儋州市人民法院',
  '（2017）琼9003民初1号',
  '支付工资人民币12345.60元',
  '全部未履行',
  '有履行能力而拒不履行生效法律文书确定义务',
  '12345.60',
  '是',
  '儋州市',
];

/**
 * The template file's text: UTF-8 with BOM (Excel then opens it as UTF-8), CRLF line ends.
 * @example
 * listingCsvTemplate().startsWith('\uFEFF类型,姓名/名称,') // true
 */
export function listingCsvTemplate(): string {
  return toCsv(LISTING_CSV_TEMPLATE_HEADERS, [EXAMPLE_ROW]);
}
