import { describe, expect, it } from 'vitest';
import { SEPARATOR } from './haystack.ts';
import { matchTier } from './match-tier.ts';

/** The definition: classify the first occurrence. */
function byFirstOccurrence(haystack: string, text: string, nameLength: number): number {
  const pos = haystack.indexOf(text);
  if (pos < 0) return -1;
  if (pos === 0) return text.length === nameLength ? 0 : 1;
  if (pos < nameLength) return 2;
  if (pos === nameLength + 1 && haystack.charCodeAt(pos + text.length) === 1) return 0;
  return 3;
}

describe('matchTier', () => {
  it('ranks exact name and exact case number first, then name prefix, inside the name, another field', () => {
    const h = ['王伟', '2024琼0107执12号', '', '460100'].join(SEPARATOR);
    expect(matchTier(h, '王伟', 2)).toBe(0);
    expect(matchTier(h, '2024琼0107执12号', 2)).toBe(0);
    expect(matchTier(h, '王', 2)).toBe(1);
    expect(matchTier(h, '伟', 2)).toBe(2);
    expect(matchTier(h, '琼0107', 2)).toBe(3);
    expect(matchTier(h, '2024琼', 2)).toBe(3); // a case-number prefix is not the case number
    expect(matchTier(h, '伟2024', 2)).toBe(-1); // fields do not run into each other
    expect(matchTier(h, '李', 2)).toBe(-1);
  });

  it('agrees with classifying the first occurrence, over random haystacks', () => {
    let seed = 5;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const chars = '王伟琼01执';
    const piece = (max: number) =>
      Array.from(
        { length: Math.floor(rand() * (max + 1)) },
        () => chars[Math.floor(rand() * chars.length)],
      ).join('');
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const name = piece(4);
      const h = [name, piece(6), piece(3)].join(SEPARATOR);
      const text = piece(3) || '王';
      expect(matchTier(h, text, name.length), JSON.stringify([h, text])).toBe(
        byFirstOccurrence(h, text, name.length),
      );
      if (h.includes(text)) checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
