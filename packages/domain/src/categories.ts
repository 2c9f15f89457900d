/**
 * The six listing grounds of 法释〔2017〕7号 art. 1. Exactly one applies to a listing.
 * Category 1 has no fixed term; categories 2–6 are listed for two years (art. 2).
 */
import type { CategoryCode } from './listing-types.ts';

export interface Category {
  code: CategoryCode;
  /** The ground as the law words it (without the final 的). */
  label: string;
  /** A few characters for filters, chips and screens. */
  shortLabel: string;
  /** Plain-language explanation for citizens. */
  explanation: string;
  /** false for category 1 only */
  hasFixedTerm: boolean;
}

export const CATEGORIES: readonly Category[] = [
  {
    code: 1,
    label: '有履行能力而拒不履行生效法律文书确定义务',
    shortLabel: '有能力拒不履行',
    explanation:
      '有钱或有财产可以履行判决、裁定等确定的义务，却拒不履行。这种情形没有固定期限，履行完毕后才会删除。',
    hasFixedTerm: false,
  },
  {
    code: 2,
    label: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
    shortLabel: '妨碍、抗拒执行',
    explanation: '用伪造证据、暴力、威胁等手段阻挠法院执行。纳入期限为二年，情节严重的可以延长一至三年。',
    hasFixedTerm: true,
  },
  {
    code: 3,
    label: '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
    shortLabel: '规避执行',
    explanation:
      '通过假官司、假仲裁，或者把财产藏起来、转移走，来逃避法院执行。纳入期限为二年，可以延长一至三年。',
    hasFixedTerm: true,
  },
  {
    code: 4,
    label: '违反财产报告制度',
    shortLabel: '违反财产报告制度',
    explanation: '不按法院要求如实申报自己的财产，或者拒绝申报、虚假申报。纳入期限为二年，可以延长一至三年。',
    hasFixedTerm: true,
  },
  {
    code: 5,
    label: '违反限制消费令',
    shortLabel: '违反限制消费令',
    explanation: '被限制高消费后仍然乘坐飞机、高铁，入住星级宾馆等。纳入期限为二年，可以延长一至三年。',
    hasFixedTerm: true,
  },
  {
    code: 6,
    label: '无正当理由拒不履行执行和解协议',
    shortLabel: '拒不履行和解协议',
    explanation: '与申请执行人达成执行和解协议后，没有正当理由又不履行。纳入期限为二年，可以延长一至三年。',
    hasFixedTerm: true,
  },
];

/**
 * True for one of the six category codes (the number, not a string).
 * @example
 * isCategoryCode(3) // true
 * isCategoryCode('3') // false
 */
export function isCategoryCode(v: unknown): v is CategoryCode {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 6;
}

/**
 * The legal wording of a category.
 * @example
 * categoryLabel(4) // '违反财产报告制度'
 */
export function categoryLabel(code: CategoryCode): string {
  return CATEGORIES[code - 1]!.label;
}

/**
 * The full category entry.
 * @example
 * categoryOf(1).hasFixedTerm // false
 */
export function categoryOf(code: CategoryCode): Category {
  return CATEGORIES[code - 1]!;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六'];

/**
 * Reads a category as staff write it: 1–6 (number or text), 一…六, 第三项, （三）, the legal
 * wording (with or without the final 的) or the short label. Null when it is none of these, or
 * when several grounds are given (a listing has exactly one).
 * @example
 * parseCategory('3') // 3
 * parseCategory('违反财产报告制度的') // 4
 * parseCategory('第六项') // 6
 */
export function parseCategory(v: unknown): CategoryCode | null {
  if (isCategoryCode(v)) return v;
  if (typeof v !== 'string') return null;
  const s = v
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s()（）〔〕第项。]/g, '')
    .replace(/的$/, '');
  if (/^[1-6]$/.test(s)) return Number(s) as CategoryCode;
  const numeral = CHINESE_NUMERALS.indexOf(s);
  if (numeral >= 0) return (numeral + 1) as CategoryCode;
  const strip = (t: string) => t.replace(/[、，,\s]/g, '');
  const found = CATEGORIES.find((c) => strip(c.label) === strip(s) || strip(c.shortLabel) === strip(s));
  return found ? found.code : null;
}
