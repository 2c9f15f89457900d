/**
 * The words of the newspaper notice, in one place a court's editor can check against the law and
 * the site's notices (content/notices/what-is-the-list.md, removal.md, how-to-report.md).
 */
import {
  CONSUMPTION_BAN_ITEMS,
  CONSUMPTION_BAN_ORG_SCOPE,
  CONSUMPTION_BAN_PERSON_SCOPE,
} from '@portal/domain';
import { formatIsoDateZh } from '../format.ts';
import { joinUrl } from '../qr.ts';

export const MASTHEAD = '失信被执行人名单公告';

/** Under the masthead: the date the list was read, so a reader knows how current it is. */
export function datelineText(asOf: string): string {
  return `依法公布 · 名单截至${formatIsoDateZh(asOf)}`;
}

/** The notice paragraphs (法释〔2017〕7号 arts. 1, 6, 10, 11). */
export function legalNoticeParagraphs(siteUrl: string): string[] {
  return [
    '依照《中华人民共和国民事诉讼法》和《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号），下列被执行人未履行生效法律文书确定的义务，并具有该规定第一条所列情形之一，执行法院依法将其纳入失信被执行人名单，现予公布。',
    '公布的内容以该规定第六条为限：自然人的姓名、性别、年龄、身份证号码（出生月日四位隐去）；单位的名称、统一社会信用代码、法定代表人或者负责人姓名；生效法律文书确定的义务和被执行人的履行情况；失信行为的具体情形；执行依据的制作单位和文号、执行案号、立案时间、执行法院。不公布住址、照片、电话。',
    `被执行人履行义务或者出现法定情形的，执行法院依法删除其失信信息（第十条）；认为信息有误的，可以向执行法院申请纠正（第十一条）。名单随时变动，以失信曝光台查询结果为准：${joinUrl(siteUrl, '/search')}`,
  ];
}

/**
 * What this edition holds when it is not the whole list, and the order it is in: a reader must
 * never take a capped page for the complete list.
 */
export function scopeText(printed: number, total: number, clippedChars: number): string {
  const order = '涉民生案件在前，其余按公布日期由近及远排列';
  const which =
    printed >= total
      ? `本版刊登公布中的全部 ${total} 条名单信息，${order}。`
      : `公布中的名单共 ${total} 条，本版限于篇幅刊登其中 ${printed} 条（${order}，取前 ${printed} 条）；其余 ${total - printed} 条请在失信曝光台查询。`;
  return `${which}义务、履行情况超过 ${clippedChars} 字的从略，全文见失信曝光台。`;
}

export const DEMO_BANNER = '演示数据 · 本版标注“演示数据”的条目均为虚构信息，并非真实当事人';
export const EMPTY_LIST_TEXT = '目前没有公布中的失信被执行人名单信息。';

export const CONSUMPTION_BAN_HEADING = '限制消费：被执行人不得有以下行为';
export const CONSUMPTION_BAN_INTRO = `依照《最高人民法院关于限制被执行人高消费及有关消费的若干规定》，纳入名单的被执行人同时被限制消费。${CONSUMPTION_BAN_PERSON_SCOPE}`;
export const CONSUMPTION_BAN_LINES: readonly string[] = CONSUMPTION_BAN_ITEMS.map(
  (i, k) => `${i.item}. ${i.text}${k === CONSUMPTION_BAN_ITEMS.length - 1 ? '。' : '；'}`,
);
export const CONSUMPTION_BAN_ORG = CONSUMPTION_BAN_ORG_SCOPE;

export const HOW_TO_REPORT_HEADING = '如何举报';

/** How to report, with the tip form's address printed beside its QR code. */
export function howToReportLines(tipUrl: string): string[] {
  return [
    '发现被执行人的财产线索、下落，或者违反限制消费令的行为（乘坐飞机、高铁一等座，入住星级宾馆，出境旅游，购房购车等），欢迎举报：',
    '· 扫描右侧二维码或打开网上举报页面，可附照片和位置，可以匿名，提交后凭回执码查询办理情况：',
    tipUrl,
    '· 拨打诉讼服务热线 12368，或到执行法院执行局当面反映。',
    '法院对举报人的身份和线索依法保密。',
  ];
}
