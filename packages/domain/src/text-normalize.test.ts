import { describe, expect, it } from 'vitest';
import { cleanText, normalizeText, toHalfWidth } from './text-normalize.ts';

describe('normalizeText', () => {
  it('converts full-width ASCII, trims and collapses whitespace', () => {
    expect(normalizeText('  张三\u3000（２０１７）  ＡＢＣ\t\n ')).toBe('张三 (2017) ABC');
  });

  it('removes control, zero-width and bidi-override characters', () => {
    expect(normalizeText('张\u0000三\u200B\u202E')).toBe('张三');
  });

  it('keeps Chinese punctuation that is not full-width ASCII', () => {
    expect(normalizeText('甲、乙。')).toBe('甲、乙。');
  });
});

describe('cleanText', () => {
  it('keeps full-width brackets and commas in stored text but converts full-width digits', () => {
    expect(cleanText(' 海南某某（集团）有限公司，第１号 ')).toBe('海南某某（集团）有限公司，第1号');
  });

  it('keeps line breaks in multi-line fields and normalises CRLF', () => {
    expect(cleanText('一\r\n二\r三\u0007', { multiline: true })).toBe('一\n二\n三');
  });
});

describe('toHalfWidth', () => {
  it('maps the whole full-width ASCII block', () => {
    expect(toHalfWidth('！～')).toBe('!~');
  });
});
