import { formatFen, type PublicListing } from '@portal/domain';
import { formatIsoDateZh } from '../format.ts';

/** Longer obligations and performance notes are cut here (the notice says so, and where the full text is). */
export const CLIPPED_CHARS = 120;

/** One listing as the newspaper prints it: a bold heading, who it is, then the labelled case fields. */
export interface NewspaperEntry {
  heading: string;
  /** printed after the heading in the highlight colour: 演示数据, 涉民生 */
  tags: string[];
  /** person: gender, age, masked ID number; organisation: credit code and representative */
  who: string[];
  lines: string[];
}

function clip(text: string): string {
  // fields are run in with 「；」, so a field's own closing stop would double it
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。；;，,.、\s]+$/u, '');
  const chars = [...flat];
  return chars.length > CLIPPED_CHARS ? `${chars.slice(0, CLIPPED_CHARS).join('')}……` : flat;
}

/**
 * The printed entry of one public listing. It reads only the public projection (法释〔2017〕7号
 * art. 6 fields, the ID number already masked), so nothing the law does not allow can reach paper.
 * @example newspaperEntry(listing).who // ['男', '45岁', '身份证号码 4601031980****1234']
 */
export function newspaperEntry(l: PublicListing): NewspaperEntry {
  const who =
    l.kind === 'person'
      ? [l.gender ?? '', `${l.age ?? ''}岁`, `身份证号码 ${l.idNumberMasked ?? ''}`]
      : [`统一社会信用代码 ${l.uscc ?? ''}`, `法定代表人或者负责人 ${l.legalRepresentative ?? ''}`];
  const term = l.termEndsAt ? `，期限至${formatIsoDateZh(l.termEndsAt)}` : '';
  return {
    heading: l.name,
    tags: [...(l.demo ? ['演示数据'] : []), ...(l.livelihood ? ['涉民生'] : [])],
    who,
    lines: [
      `执行法院：${l.court}`,
      `案号：${l.caseNo}`,
      `立案时间：${formatIsoDateZh(l.filedAt)}`,
      `执行依据：${l.basisIssuer} ${l.basisDocNo}`,
      `生效法律文书确定的义务：${clip(l.obligation)}`,
      `履行情况：${clip(l.performance)}`,
      `未履行金额：${formatFen(l.amountOwedFen)}`,
      `失信情形：${l.categoryLabel}`,
      `公布日期：${formatIsoDateZh(l.listedAt)}${term}`,
    ],
  };
}
