import { LISTING_FIELD_LABELS_ZH, type PublicListing } from '@portal/domain';

/**
 * zh-CN labels of the public listing fields: the domain's draft-field labels, plus the fields
 * that exist only in the public projection (age, masked ID, term end).
 */
export const PUBLIC_FIELD_LABELS: Record<Exclude<keyof PublicListing, 'id' | 'demo' | 'category'>, string> = {
  kind: LISTING_FIELD_LABELS_ZH.kind ?? '类型',
  name: LISTING_FIELD_LABELS_ZH.name ?? '姓名/名称',
  gender: LISTING_FIELD_LABELS_ZH.gender ?? '性别',
  age: '年龄',
  idNumberMasked: '身份证号码',
  uscc: LISTING_FIELD_LABELS_ZH.uscc ?? '统一社会信用代码',
  orgCode: '组织机构代码',
  legalRepresentative: LISTING_FIELD_LABELS_ZH.legalRepresentative ?? '法定代表人',
  legalRepresentativeRole: '法定代表人或负责人',
  caseNo: LISTING_FIELD_LABELS_ZH.caseNo ?? '案号',
  court: LISTING_FIELD_LABELS_ZH.court ?? '执行法院',
  filedAt: LISTING_FIELD_LABELS_ZH.filedAt ?? '立案日期',
  basisIssuer: LISTING_FIELD_LABELS_ZH.basisIssuer ?? '执行依据制作单位',
  basisDocNo: LISTING_FIELD_LABELS_ZH.basisDocNo ?? '执行依据文号',
  obligation: LISTING_FIELD_LABELS_ZH.obligation ?? '生效法律文书确定的义务',
  performance: LISTING_FIELD_LABELS_ZH.performance ?? '被执行人的履行情况',
  categoryLabel: LISTING_FIELD_LABELS_ZH.category ?? '失信被执行人具体情形',
  amountOwedFen: LISTING_FIELD_LABELS_ZH.amountOwedFen ?? '未履行金额',
  livelihood: LISTING_FIELD_LABELS_ZH.livelihood ?? '涉民生案件',
  region: LISTING_FIELD_LABELS_ZH.region ?? '地区',
  listedAt: LISTING_FIELD_LABELS_ZH.listedAt ?? '发布日期',
  termEndsAt: '公布期限届满',
};
