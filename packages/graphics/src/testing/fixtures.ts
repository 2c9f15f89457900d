import type { PublicListing } from '@portal/domain';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '符', '邢'];
const GIVEN = ['建国', '海燕', '志强', '秀英', '明', '丽华', '伟', '小红', '文昌', '德胜'];
const COMPANIES = ['海南椰风建筑工程有限公司', '三亚蓝湾置业有限公司', '儋州鑫达商贸有限公司'];

/** A synthetic published listing; `i` makes every field distinct and deterministic. */
export function fakeListing(i: number, over: Partial<PublicListing> = {}): PublicListing {
  const org = i % 4 === 3;
  const base: PublicListing = {
    id: `L${String(i).padStart(5, '0')}`,
    kind: org ? 'org' : 'person',
    name: org
      ? (COMPANIES[i % COMPANIES.length] ?? '某公司')
      : `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    caseNo: `（2025）琼9003执${1200 + i}号`,
    court: i % 2 === 0 ? '儋州市人民法院' : '海口市龙华区人民法院',
    filedAt: '2025-03-14',
    basisIssuer: '儋州市人民法院',
    basisDocNo: `（2024）琼9003民初${800 + i}号`,
    obligation: '被告应于判决生效之日起十日内向原告支付工程款及逾期付款利息。',
    performance: '全部未履行',
    category: ((i % 6) + 1) as PublicListing['category'],
    categoryLabel: '有履行能力而拒不履行生效法律文书确定义务',
    amountOwedFen: 123_456_78 * (i + 1),
    livelihood: i % 3 === 0,
    region: '海南省儋州市',
    listedAt: '2025-06-01',
    termEndsAt: i % 6 === 0 ? null : '2027-06-01',
    demo: false,
  };
  const kindFields: Partial<PublicListing> = org
    ? { uscc: '91460000MA5T3XXX1Q', legalRepresentative: '陈大海' }
    : { gender: i % 2 === 0 ? '男' : '女', age: 30 + (i % 40), idNumberMasked: `4600031980****${1000 + i}` };
  return { ...base, ...kindFields, ...over };
}

export function fakeListings(n: number, from = 0): PublicListing[] {
  return Array.from({ length: n }, (_, k) => fakeListing(from + k));
}
