/**
 * Synthetic Chinese names: persons (surnames weighted as in Hainan, where 陈, 王, 吴, 符 and 林 lead)
 * and companies (海南 / a city + 字号 + industry). Any match with a real person or company is chance.
 */
import { type Rng, WeightedPicker } from './prng.ts';

const SURNAMES = new WeightedPicker<string>([
  ['陈', 10],
  ['王', 10],
  ['吴', 7],
  ['符', 7],
  ['林', 6],
  ['李', 6],
  ['黄', 5],
  ['张', 4],
  ['邢', 3],
  ['刘', 3],
  ['杨', 2.5],
  ['周', 2.5],
  ['郑', 2],
  ['何', 2],
  ['冯', 2],
  ['赵', 1.5],
  ['云', 1.5],
  ['韩', 1.5],
  ['蔡', 1.5],
  ['梁', 1.5],
  ['羊', 1],
  ['潘', 1],
  ['许', 1],
  ['钟', 1],
  ['文', 1],
  ['孙', 1],
  ['谢', 1],
  ['曾', 1],
  ['唐', 0.8],
  ['卓', 0.6],
  ['麦', 0.6],
  ['钱', 0.5],
  ['欧阳', 0.2],
]);

const MALE_CHARS = [
  ...'伟强军勇明华平海国建志文辉斌杰涛超峰磊俊亮成德东龙雄南坤福才贵生林清鹏飞光宏振荣天学亚运家',
];
const FEMALE_CHARS = [...'芳娟敏静丽艳玲霞燕梅兰红英秀娥琼萍婷雪洁莉晶慧颖花桂凤妹亚小美金玉春'];

export function personName(rng: Rng, gender: '男' | '女'): string {
  const chars = gender === '男' ? MALE_CHARS : FEMALE_CHARS;
  const surname = SURNAMES.draw(rng);
  return rng.chance(0.3) ? surname + rng.pick(chars) : surname + rng.pick(chars) + rng.pick(chars);
}

const BRAND_CHARS = [
  ...'金海鑫华盛源达宏泰隆恒椰岛琼南天涯博瑞丰兴旺嘉信诚富荣昌顺锦润晟鸿佳永新东方腾亚蓝湾星',
];
const PLACE_PREFIXES = new WeightedPicker<string>([
  ['海南', 10],
  ['海口', 3],
  ['三亚', 2],
  ['儋州', 1],
  ['琼海', 0.6],
  ['文昌', 0.6],
  ['万宁', 0.5],
  ['澄迈', 0.5],
]);

export interface IndustryKind {
  suffix: string;
  /** GB 32100 registration type: '1' enterprise, '3' farmers' cooperative */
  orgType: '1' | '3';
}

const INDUSTRIES = new WeightedPicker<IndustryKind>(
  (
    [
      ['建筑工程有限公司', 8],
      ['房地产开发有限公司', 6],
      ['农业开发有限公司', 5],
      ['贸易有限公司', 7],
      ['商贸有限公司', 4],
      ['实业有限公司', 4],
      ['旅游开发有限公司', 2],
      ['酒店管理有限公司', 2],
      ['物流有限公司', 2],
      ['投资有限公司', 3],
      ['置业有限公司', 2],
      ['装饰工程有限公司', 3],
      ['渔业有限公司', 1],
      ['汽车销售服务有限公司', 1.5],
      ['餐饮管理有限公司', 1.5],
      ['热带水果种植专业合作社', 1],
      ['槟榔种植专业合作社', 0.8],
    ] as const
  ).map(([suffix, weight]) => [
    { suffix, orgType: suffix.endsWith('合作社') ? '3' : '1' } as IndustryKind,
    weight,
  ]),
);

export function companyName(rng: Rng): { name: string; industry: IndustryKind } {
  const industry = INDUSTRIES.draw(rng);
  const brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
  return { name: PLACE_PREFIXES.draw(rng) + brand + industry.suffix, industry };
}
