import { idNumberCheckChar, usccCheckChar } from '@portal/domain';

/** A valid ID number for a person born on `birth` (YYYYMMDD), with a checksum computed, not hard-coded. */
export function idNumberFor(birth: string, seq = '123'): string {
  const first17 = `460103${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export function usccFor(body = '91460000MA5T00001'): string {
  return body + usccCheckChar(body);
}

let serial = 1000;

export function personDraft(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    kind: 'person',
    name: '符测试',
    idNumber: idNumberFor('19800101'),
    caseNo: `（2017）琼9003执${serial}号`,
    court: '儋州市人民法院',
    filedAt: '2017-07-18',
    basisIssuer: '儋州市人民法院',
    basisDocNo: `（2016）琼9003民初${serial}号`,
    obligation: '支付劳动报酬人民币 12,345 元',
    performance: '全部未履行',
    category: 1,
    amountOwedFen: 1_234_500,
    livelihood: true,
    region: '儋州市',
    ...overrides,
  };
}

export function orgDraft(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    kind: 'org',
    name: '海南测试建筑工程有限公司',
    uscc: usccFor(),
    legalRepresentative: '吴测试',
    caseNo: `（2018）琼9003执${serial}号`,
    court: '儋州市人民法院',
    filedAt: '2018-03-01',
    basisIssuer: '儋州市人民法院',
    basisDocNo: `（2017）琼9003民初${serial}号`,
    obligation: '支付工程款人民币 500,000 元',
    performance: '部分履行',
    category: 4,
    amountOwedFen: 50_000_000,
    livelihood: false,
    region: '儋州市',
    ...overrides,
  };
}
