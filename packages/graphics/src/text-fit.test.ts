import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from './text-fit.ts';

describe('text fitting', () => {
  it('leaves text that fits untouched', () => {
    expect(fitText('王建国', 40, 400)).toBe('王建国');
  });

  it('cuts long text with an ellipsis inside the width', () => {
    const out = fitText('海南省某某某某某某某某建筑劳务工程集团有限责任公司', 40, 400);
    expect(out.endsWith('…')).toBe(true);
    expect(textWidth(out, 40)).toBeLessThanOrEqual(400);
  });

  it('counts digits narrower than Chinese characters', () => {
    expect(textWidth('2025', 40)).toBeLessThan(textWidth('二〇二五', 40));
  });

  it('gives a clamped paragraph room for several lines', () => {
    const long = '被告应于判决生效之日起十日内向原告支付工程款及逾期付款利息。'.repeat(4);
    expect(fitText(long, 30, 600, 2).length).toBeGreaterThan(fitText(long, 30, 600, 1).length);
  });
});
