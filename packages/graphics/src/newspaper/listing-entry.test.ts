import { describe, expect, it } from 'vitest';
import { fakeListing } from '../testing/fixtures.ts';
import { CLIPPED_CHARS, newspaperEntry } from './listing-entry.ts';

const printed = (e: ReturnType<typeof newspaperEntry>) =>
  [e.heading, ...e.tags, ...e.who, ...e.lines].join('\n');

describe('a listing as the newspaper prints it', () => {
  it('prints a person with gender, age and the masked ID number, and the case fields of art. 6', () => {
    const l = fakeListing(0, { idNumberMasked: '4601031980****1234', gender: '男', age: 45 });
    const e = newspaperEntry(l);
    expect(e.heading).toBe(l.name);
    expect(e.who).toEqual(['男', '45岁', '身份证号码 4601031980****1234']);
    const text = printed(e);
    for (const value of [l.court, l.caseNo, l.basisIssuer, l.basisDocNo, l.categoryLabel, '2025年3月14日']) {
      expect(text).toContain(value);
    }
    expect(text).toContain('未履行金额：¥123,456.78');
  });

  it('prints an organisation with its credit code and representative, and no person fields', () => {
    const e = newspaperEntry(fakeListing(3));
    expect(e.who).toEqual(['统一社会信用代码 91460000MA5T3XXX1Q', '法定代表人或者负责人 陈大海']);
    expect(printed(e)).not.toMatch(/身份证|岁/);
  });

  it('prints nothing but the public projection: not the internal id, nor region', () => {
    const l = fakeListing(1, { id: 'LINTERNAL42', region: '某某特别区' });
    const text = printed(newspaperEntry(l));
    expect(text).not.toContain('LINTERNAL42');
    expect(text).not.toContain('某某特别区');
  });

  it('tags demo and 涉民生 entries', () => {
    expect(newspaperEntry(fakeListing(0, { demo: true, livelihood: true })).tags).toEqual([
      '演示数据',
      '涉民生',
    ]);
    expect(newspaperEntry(fakeListing(1, { demo: false, livelihood: false })).tags).toEqual([]);
  });

  it(`cuts an obligation longer than ${CLIPPED_CHARS} characters with an ellipsis, and keeps a short one whole`, () => {
    const long = '支付工程款'.repeat(40);
    const e = newspaperEntry(fakeListing(0, { obligation: long, performance: '全部未履行。' }));
    const line = e.lines.find((x) => x.startsWith('生效法律文书确定的义务：')) ?? '';
    expect([...line.replace('生效法律文书确定的义务：', '')]).toHaveLength(CLIPPED_CHARS + 2);
    expect(line.endsWith('……')).toBe(true);
    // its own full stop is dropped: the fields are run in with 「；」
    expect(e.lines).toContain('履行情况：全部未履行');
  });
});
