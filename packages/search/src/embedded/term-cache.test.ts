import { describe, expect, it } from 'vitest';
import { TermCache } from './term-cache.ts';
import type { TermEntry } from './term-entry.ts';

/** An entry whose base holds `base` (shared: the cache only reads its size). */
function entryOver(text: string, base: Uint32Array): TermEntry {
  return {
    text,
    base,
    histogram: new Uint32Array(16),
    madeAt: 0,
    seen: 0,
    delta: new Set(),
    left: new Set(),
  };
}

describe('term cache budget', () => {
  // 3M matches: 24 MB each with its ranked copy, 12 of them ≈ 290 MB (over the 256 MB floor)
  const base = new Uint32Array(3_000_000);
  const terms = Array.from({ length: 12 }, (_, i) => `词${i}`);

  it('keeps the broad terms of a 10M-listing index together (48 bytes per slot: 480 MB)', () => {
    const cache = new TermCache(1, () => 10_000_000);
    for (const t of terms) cache.remember(t, entryOver(t, base));
    // asked in turn, as an instant search's first keystrokes are: every one still there
    for (const t of terms) expect(cache.get(t)?.text, t).toBe(t);
  });

  it('drops the least recently used entries beyond 256 MB in a small index', () => {
    const cache = new TermCache(1, () => 1_000_000);
    for (const t of terms) cache.remember(t, entryOver(t, base));
    expect(cache.get(terms[0]!)).toBeUndefined();
    expect(cache.get(terms[11]!)?.text).toBe(terms[11]);
  });
});
