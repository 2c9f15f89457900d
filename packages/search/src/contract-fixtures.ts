import type { PublicListing } from '@portal/domain';
import type { SearchDocument } from './search-index.ts';

/** Full ID numbers used by the contract: they must never appear in anything the index stores. */
export const WANG_WEI_ID = '11010519491231002X';
export const SENTINEL_ID = '460103198001011235';
export const JINHAI_USCC = '91350100M000100Y43';
export const CONTRACT_SECRET = 'contract-test-secret-0123456789';

type Extra = Partial<PublicListing> & { id: string; name: string; caseNo: string };

function person(extra: Extra): PublicListing {
  return {
    kind: 'person',
    gender: '男',
    age: 40,
    idNumberMasked: '4601031980****1234',
    court: '儋州市人民法院',
    filedAt: '2023-01-05',
    basisIssuer: '儋州市人民法院',
    basisDocNo: '（2022）琼9003民初100号',
    obligation: '偿还借款本金及利息',
    performance: '全部未履行',
    category: 1,
    categoryLabel: '有履行能力而拒不履行',
    amountOwedFen: 100_000,
    livelihood: false,
    region: '儋州市',
    listedAt: '2024-01-10',
    termEndsAt: null,
    demo: false,
    ...extra,
  };
}

function org(extra: Extra): PublicListing {
  const { gender: _g, age: _a, idNumberMasked: _m, ...base } = person(extra);
  return { ...base, kind: 'org', uscc: '91460000MA5T00000C', legalRepresentative: '陈建国', ...extra };
}

/** Listings the contract starts from, keyed by a short name. */
export function contractListings(hash: (value: string) => string) {
  const versioned = (doc: PublicListing, identifier?: string): SearchDocument => ({
    ...doc,
    version: 1,
    ...(identifier ? { identifierKey: hash(identifier) } : {}),
  });
  return {
    wangWei: versioned(
      person({
        id: 'L-001',
        name: '王伟',
        caseNo: '（2017）琼9003执1234号',
        idNumberMasked: '1101051949****002X',
        amountOwedFen: 500_000,
        listedAt: '2024-03-01',
      }),
      WANG_WEI_ID,
    ),
    wangWeiMing: versioned(
      person({
        id: 'L-002',
        name: '王伟明',
        caseNo: '（2018）琼0105执567号',
        court: '海口市秀英区人民法院',
        region: '海口市',
        category: 2,
        categoryLabel: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
        amountOwedFen: 120_000,
        livelihood: true,
        listedAt: '2024-05-10',
        termEndsAt: '2026-05-10',
      }),
    ),
    liWangWei: versioned(
      person({ id: 'L-003', name: '李王伟', caseNo: '（2017）琼9003执12345号', amountOwedFen: 80_000 }),
    ),
    wangFang: versioned(
      person({
        id: 'L-004',
        name: '王芳',
        gender: '女',
        caseNo: '（2017）琼9003执357号',
        region: '三亚市',
        court: '三亚市城郊人民法院',
        listedAt: '2023-12-01',
      }),
    ),
    zhouMin: versioned(person({ id: 'L-005', name: '周敏', caseNo: '（2017）琼9003执3557号' })),
    jinhai: versioned(
      org({
        id: 'L-006',
        name: '海南金海建筑工程有限公司',
        caseNo: '（2019）琼01执88号',
        uscc: JINHAI_USCC,
        court: '海南省海口市中级人民法院',
        region: '海口市',
        amountOwedFen: 999_999_900,
        listedAt: '2022-07-01',
      }),
      JINHAI_USCC,
    ),
    sanyaDecor: versioned(
      org({
        id: 'L-007',
        name: '三亚建筑装饰有限公司',
        caseNo: '（2020）琼0271执9号',
        legalRepresentative: '王伟',
        court: '三亚市城郊人民法院',
        region: '三亚市',
        category: 5,
        categoryLabel: '违反限制消费令',
        amountOwedFen: 3_000_000,
        listedAt: '2024-02-02',
        termEndsAt: '2026-02-02',
      }),
    ),
    markup: versioned(
      person({
        id: 'L-008',
        name: '赵<b>六</b>',
        caseNo: '（2021）琼9003执1号',
        obligation: '<script>alert("x")</script>&amp; "引号" \'单引号\'',
      }),
    ),
  };
}
