/**
 * zh-CN labels of the listing draft fields, and the column headers court staff actually use in
 * their spreadsheets (national 失信 database exports, local templates) mapped onto field names.
 */

const FIELD_LABELS = {
  kind: '类型',
  name: '姓名/名称',
  idNumber: '身份证号码',
  gender: '性别',
  uscc: '统一社会信用代码',
  orgCode: '组织机构代码',
  legalRepresentative: '法定代表人',
  legalRepresentativeRole: '法定代表人或负责人身份',
  caseNo: '案号',
  court: '执行法院',
  filedAt: '立案日期',
  basisIssuer: '执行依据制作单位',
  basisDocNo: '执行依据文号',
  obligation: '生效法律文书确定的义务',
  performance: '被执行人的履行情况',
  category: '失信被执行人具体情形',
  amountOwedFen: '未履行金额',
  livelihood: '涉民生案件',
  region: '地区',
  listedAt: '发布日期',
  applicant: '申请执行人',
  decisionDocNo: '决定书文号',
  decisionDate: '决定日期',
  termExtensionYears: '延长期限（年）',
  termExtensionGround: '延长理由',
  termExtensionDecisionNo: '延长决定书文号',
  unitId: '执行单元',
  demo: '演示数据',
} as const;

/** A field of the listing draft (`ListingDraftInput` keys). */
export type ListingDraftField = keyof typeof FIELD_LABELS;

/** Label per draft field, for forms, error messages and CSV templates. */
export const LISTING_FIELD_LABELS_ZH: Record<string, string> = FIELD_LABELS;

/**
 * Column keys a CSV header can map to: the draft fields plus three import-only columns:
 * `amountOwedYuan` (amount in yuan), `idOrOrgCode` (the national database's combined
 * “身份证号码/组织机构代码” column, routed by kind) and `ignored` (known but derived, e.g. 年龄).
 */
export type CsvColumnKey = ListingDraftField | 'amountOwedYuan' | 'idOrOrgCode' | 'ignored';

/**
 * Header aliases, keyed by the normalised header (see `headerKey`). English field names map to
 * themselves and are added below.
 */
const ALIASES: Record<string, CsvColumnKey> = {
  类型: 'kind',
  主体类型: 'kind',
  被执行人类型: 'kind',
  当事人类型: 'kind',
  姓名: 'name',
  名称: 'name',
  '姓名/名称': 'name',
  被执行人: 'name',
  被执行人姓名: 'name',
  被执行人名称: 'name',
  '被执行人姓名/名称': 'name',
  '失信被执行人姓名/名称': 'name',
  '失信被执行人姓名/名称(全称)': 'name',
  身份证号码: 'idNumber',
  身份证号: 'idNumber',
  公民身份号码: 'idNumber',
  证件号码: 'idOrOrgCode',
  '身份证号码/组织机构代码': 'idOrOrgCode',
  '身份证号码/统一社会信用代码': 'idOrOrgCode',
  '证件号码/统一社会信用代码': 'idOrOrgCode',
  统一社会信用代码: 'uscc',
  社会信用代码: 'uscc',
  组织机构代码: 'orgCode',
  法定代表人或负责人身份: 'legalRepresentativeRole',
  '法定代表人/负责人身份': 'legalRepresentativeRole',
  负责人身份: 'legalRepresentativeRole',
  申请执行人: 'applicant',
  申请纳入的申请执行人: 'applicant',
  决定书文号: 'decisionDocNo',
  纳入决定书文号: 'decisionDocNo',
  失信决定书文号: 'decisionDocNo',
  决定日期: 'decisionDate',
  决定书日期: 'decisionDate',
  作出决定日期: 'decisionDate',
  纳入决定日期: 'decisionDate',
  延长理由: 'termExtensionGround',
  延长期限理由: 'termExtensionGround',
  延长决定书文号: 'termExtensionDecisionNo',
  性别: 'gender',
  年龄: 'ignored',
  法定代表人: 'legalRepresentative',
  法定代表人姓名: 'legalRepresentative',
  法定代表人或负责人: 'legalRepresentative',
  法定代表人或者负责人姓名: 'legalRepresentative',
  '法定代表人/负责人': 'legalRepresentative',
  法人代表: 'legalRepresentative',
  案号: 'caseNo',
  执行案号: 'caseNo',
  执行法院: 'court',
  法院: 'court',
  立案日期: 'filedAt',
  立案时间: 'filedAt',
  执行依据制作单位: 'basisIssuer',
  做出执行依据单位: 'basisIssuer',
  作出执行依据单位: 'basisIssuer',
  执行依据文号: 'basisDocNo',
  执行依据文书号: 'basisDocNo',
  生效法律文书确定的义务: 'obligation',
  义务: 'obligation',
  被执行人的履行情况: 'performance',
  被执行人履行情况: 'performance',
  履行情况: 'performance',
  失信被执行人具体情形: 'category',
  失信被执行人行为具体情形: 'category',
  具体情形: 'category',
  失信情形: 'category',
  失信类别: 'category',
  未履行金额: 'amountOwedYuan',
  '未履行金额(元)': 'amountOwedYuan',
  未履行金额元: 'amountOwedYuan',
  '未履行金额(分)': 'amountOwedFen',
  涉民生案件: 'livelihood',
  涉民生: 'livelihood',
  是否涉民生: 'livelihood',
  是否涉民生案件: 'livelihood',
  地区: 'region',
  省份: 'region',
  所在地区: 'region',
  区域: 'region',
  发布日期: 'listedAt',
  发布时间: 'listedAt',
  公布日期: 'listedAt',
  纳入日期: 'listedAt',
  '延长期限(年)': 'termExtensionYears',
  延长期限: 'termExtensionYears',
  执行单元: 'unitId',
  amountOwedYuan: 'amountOwedYuan',
};

/**
 * Normalised form of a header cell: half-width, no spaces, no required-field asterisks.
 * @example
 * headerKey(' *未履行金额（元） ') // '未履行金额(元)'
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\uFEFF]+/g, '')
    .replace(/^\*+|\*+$/g, '');
}

/**
 * The column a header maps to, or null when unknown. English field names are matched exactly.
 * @example
 * csvColumnFor('被执行人姓名/名称') // 'name'
 * csvColumnFor('未履行金额（元）') // 'amountOwedYuan'
 * csvColumnFor('amountOwedFen') // 'amountOwedFen'
 */
export function csvColumnFor(header: string): CsvColumnKey | null {
  const key = headerKey(header);
  if (Object.hasOwn(FIELD_LABELS, key)) return key as ListingDraftField;
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : null;
}

/** Aliases per column, for documentation and the downloadable CSV template. */
export const LISTING_HEADER_ALIASES_ZH: Readonly<Record<string, CsvColumnKey>> = ALIASES;
