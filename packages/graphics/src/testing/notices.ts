import type { RewardNotice } from '../reward-notice.ts';

export function fakeRewardNotice(over: Partial<RewardNotice> = {}): RewardNotice {
  return {
    id: 'R0001',
    caseNo: '（2025）琼9003执1234号',
    court: '海南省儋州市人民法院',
    defaulter: {
      kind: 'person',
      name: '王建国',
      gender: '男',
      age: 46,
      idNumberMasked: '4600031980****1234',
      amountOwedFen: 86_500_000,
    },
    reward: { kind: 'formula', text: '按实际执行到位金额的10%支付，最高不超过¥50,000.00' },
    conditions: [
      '举报人提供被执行人可供执行的财产线索，经本院查证属实并执行到位的；',
      '举报人提供被执行人下落线索，协助本院查找到被执行人的；',
      '同一线索由两人以上提供的，按提交时间先后，奖励最先提供者。',
    ],
    deadline: '2027-03-01',
    courtPhone: '0898-23300000',
    publishedAt: '2026-11-27',
    demo: false,
    ...over,
  };
}
