/** Sample drafts for tests: a valid adult person and a valid organisation. */
import { makeId, makeUscc } from './fixtures.ts';

export const ADULT_ID = makeId('460103', '19800101', '123');
export const ORG_USCC = makeUscc('91460000MA5T00001');

export function personDraft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'person',
    name: '张三',
    idNumber: ADULT_ID,
    caseNo: '(2017)琼9003执1234号',
    court: '陵水黎族自治县人民法院',
    filedAt: '2017-03-02',
    basisIssuer: '陵水黎族自治县人民法院',
    basisDocNo: '（2016）琼9028民初456号',
    obligation: '被告张三于判决生效之日起十日内偿还原告借款人民币100000元。',
    performance: '全部未履行',
    category: 1,
    amountOwedFen: 10_000_000,
    livelihood: false,
    region: '海南省',
    listedAt: '2017-07-18',
    ...overrides,
  };
}

export function orgDraft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { idNumber: _id, ...person } = personDraft();
  return {
    ...person,
    kind: 'org',
    name: '海南某某（集团）有限公司',
    uscc: ORG_USCC,
    legalRepresentative: '李四',
    category: 3,
    ...overrides,
  };
}
