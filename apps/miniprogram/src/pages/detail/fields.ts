import type { SearchResult } from '@portal/contract/routes';
import { formatOrgCode } from '@portal/domain';
import { day, formatFen } from '../../lib/format.ts';

export type Listing = SearchResult['hits'][number];

/**
 * The rows of the detail page: exactly the fields 法释〔2017〕7号 art. 6 allows to publish, in
 * the order the national database shows them. Nothing here is added or derived beyond display.
 */
export function detailRows(l: Listing): { label: string; value: string }[] {
  const who =
    l.kind === 'person'
      ? [
          { label: '姓名', value: l.name },
          { label: '性别', value: l.gender ?? '' },
          { label: '年龄', value: l.age === undefined ? '' : `${l.age} 岁` },
          { label: '身份证号码', value: l.idNumberMasked ?? '' },
        ]
      : [
          { label: '名称', value: l.name },
          { label: '统一社会信用代码', value: l.uscc ?? '' },
          // art. 6 ¶1 (一): an organisation without a credit code is known by its organisation code
          { label: '组织机构代码', value: l.orgCode ? formatOrgCode(l.orgCode) : '' },
          { label: l.legalRepresentativeRole ?? '法定代表人或负责人', value: l.legalRepresentative ?? '' },
        ];
  return [
    ...who,
    { label: '案号', value: l.caseNo },
    { label: '执行法院', value: l.court },
    { label: '立案时间', value: day(l.filedAt) },
    { label: '做出执行依据单位', value: l.basisIssuer },
    { label: '执行依据文号', value: l.basisDocNo },
    { label: '生效法律文书确定的义务', value: l.obligation },
    { label: '被执行人的履行情况', value: l.performance },
    { label: '失信被执行人行为具体情形', value: l.categoryLabel },
    { label: '未履行金额', value: formatFen(l.amountOwedFen) },
    { label: '涉民生案件', value: l.livelihood ? '是' : '否' },
    { label: '地域', value: l.region },
    { label: '发布时间', value: day(l.listedAt) },
    { label: '公布期限', value: l.termEndsAt ? `至 ${day(l.termEndsAt)}` : '无固定期限（履行完毕后删除）' },
  ].filter((row) => row.value !== '');
}
