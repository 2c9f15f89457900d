/**
 * Plausible zh-CN texts of an enforcement case: the obligation fixed by the basis document, the
 * performance status, and the basis document's issuer and number.
 */
import type { Rng } from './prng.ts';

/** Yuan as courts write them in documents: `123456.78`, `5000`. */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${cents < 10 ? `0${cents}` : cents}`;
}

type Template = (amount: string) => string;

const LIVELIHOOD_OBLIGATIONS: readonly Template[] = [
  (a) => `支付拖欠的劳动报酬人民币${a}元`,
  (a) => `支付拖欠的工资人民币${a}元及经济补偿金`,
  (a) => `支付农民工工资人民币${a}元`,
  (a) => `赔偿人身损害赔偿款人民币${a}元`,
  (a) => `赔偿交通事故造成的医疗费、误工费等各项损失共计人民币${a}元`,
  (a) => `赔偿医疗费、护理费、残疾赔偿金等人身损害赔偿款人民币${a}元`,
  (a) => `支付抚养费、赡养费共计人民币${a}元`,
];

const PERSON_OBLIGATIONS: readonly Template[] = [
  (a) => `偿还借款本金人民币${a}元及利息`,
  (a) => `偿还民间借贷本金人民币${a}元及逾期利息，并承担案件受理费`,
  (a) => `支付货款人民币${a}元及逾期付款违约金`,
  (a) => `返还购房款人民币${a}元`,
  (a) => `支付租金人民币${a}元及违约金`,
  (a) => `偿还信用卡透支本息人民币${a}元`,
  (a) => `支付工程款人民币${a}元`,
  (a) => `偿还借款人民币${a}元，并承担律师费、诉讼费`,
];

const ORG_OBLIGATIONS: readonly Template[] = [
  (a) => `支付工程款人民币${a}元及利息`,
  (a) => `支付货款人民币${a}元及逾期付款利息`,
  (a) => `偿还金融借款本金人民币${a}元及利息、罚息`,
  (a) => `返还购房款人民币${a}元并支付违约金`,
  (a) => `支付股权转让款人民币${a}元`,
  (a) => `支付土地租金人民币${a}元`,
  (a) => `支付逾期交房违约金人民币${a}元`,
  (a) => `支付材料款人民币${a}元及违约金`,
];

export function obligationText(rng: Rng, kind: 'person' | 'org', livelihood: boolean, fen: number): string {
  const pool = livelihood ? LIVELIHOOD_OBLIGATIONS : kind === 'org' ? ORG_OBLIGATIONS : PERSON_OBLIGATIONS;
  return rng.pick(pool)(yuanText(fen));
}

export function performanceText(rng: Rng, fen: number): string {
  const x = rng.next();
  if (x < 0.7) return '全部未履行';
  if (x < 0.92) {
    const paid = Math.max(100, Math.floor(fen * (0.05 + rng.next() * 0.5)));
    return `部分未履行（已履行人民币${yuanText(paid - (paid % 100))}元）`;
  }
  return '未履行，被执行人下落不明';
}

/** judgment types, repeated by frequency: first instance most, criminal restitution rare */
const BASIS_TYPES = ['民初', '民初', '民初', '民初', '民初', '民初', '民终', '民终', '民特', '刑初'] as const;
const ARBITRATION = ['海口仲裁委员会', '三亚仲裁委员会'] as const;
const NOTARIES = ['海南省海口市琼州公证处', '海南省三亚市天涯公证处', '海南省海口市椰城公证处'] as const;

/** Issuer and number of the basis document (判决书、调解书、仲裁裁决书、公证债权文书). */
export function basisDocument(
  rng: Rng,
  court: { name: string; code: string },
  filedYear: number,
): { basisIssuer: string; basisDocNo: string } {
  const year = filedYear - rng.int(0, 2);
  const seq = rng.int(1, 4800);
  const x = rng.next();
  if (x < 0.78) {
    const type = rng.pick(BASIS_TYPES);
    return { basisIssuer: court.name, basisDocNo: `（${year}）${court.code}${type}${seq}号` };
  }
  if (x < 0.92) {
    const issuer = rng.pick(ARBITRATION);
    return { basisIssuer: issuer, basisDocNo: `（${year}）${issuer.slice(0, 2)}仲字第${seq}号` };
  }
  const issuer = rng.pick(NOTARIES);
  return { basisIssuer: issuer, basisDocNo: `（${year}）琼${issuer.slice(6, 8)}证字第${seq}号` };
}
