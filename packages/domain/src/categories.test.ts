import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryLabel, isCategoryCode, parseCategory } from './categories.ts';
import { CONSUMPTION_BAN_ITEMS } from './consumption-ban.ts';
import { isRemovalReason, REMOVAL_REASONS } from './removal-reasons.ts';

describe('categories', () => {
  it('lists the six grounds of art. 1 and only category 1 has no fixed term', () => {
    expect(CATEGORIES.map((c) => c.code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(CATEGORIES.filter((c) => !c.hasFixedTerm).map((c) => c.code)).toEqual([1]);
    expect(categoryLabel(5)).toBe('违反限制消费令');
  });

  it('recognises only the integers 1–6 as codes', () => {
    expect([0, 1, 6, 7, 1.5, '1'].map(isCategoryCode)).toEqual([false, true, true, false, false, false]);
  });

  it.each([
    [2, 2],
    ['２', 2],
    ['三', 3],
    ['第四项', 4],
    ['（五）', 5],
    ['违反财产报告制度的', 4],
    ['无正当理由拒不履行执行和解协议', 6],
    ['规避执行', 3],
  ] as const)('reads %s as category %d', (text, code) => {
    expect(parseCategory(text)).toBe(code);
  });

  it('refuses several grounds at once and unknown text', () => {
    expect(parseCategory('违反财产报告制度，违反限制消费令')).toBeNull();
    expect(parseCategory('7')).toBeNull();
    expect(parseCategory('其他')).toBeNull();
  });
});

describe('removal reasons and consumption ban', () => {
  it('has the removal reasons of the contract plus early removal (art. 2 ¶2), each with a legal ground', () => {
    expect(REMOVAL_REASONS.map((r) => r.code)).toEqual([
      'performed',
      'settled',
      'withdrawn',
      'no_assets',
      'suspended',
      'not_enforced',
      'terminated',
      'revoked',
      'expired',
      'active_performance',
    ]);
    expect(REMOVAL_REASONS.every((r) => r.legalGround.startsWith('第'))).toBe(true);
    expect(isRemovalReason('expired')).toBe(true);
    expect(isRemovalReason('toString')).toBe(false);
  });

  it('lists the nine restricted items, G-trains in every seat class', () => {
    expect(CONSUMPTION_BAN_ITEMS).toHaveLength(9);
    expect(CONSUMPTION_BAN_ITEMS[8]!.text).toContain('G字头动车组列车全部座位');
    expect(CONSUMPTION_BAN_ITEMS[0]!.text).toContain('轮船二等以上舱位');
  });
});
