import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.ts';

describe('TopK', () => {
  it('keeps the k smallest keys, ties broken by id, best first', () => {
    const ids = ['e', 'd', 'c', 'b', 'a', 'f'];
    const keys = [5, 1, 1, 3, 1, 0];
    const top = new TopK(4, (slot) => ids[slot]!);
    keys.forEach((key, slot) => {
      top.offer(key, slot);
    });
    expect(top.sorted().map((slot) => ids[slot])).toEqual(['f', 'a', 'c', 'd']);
  });

  it('agrees with a full sort on random input', () => {
    const n = 500;
    const keys = Array.from({ length: n }, (_, i) => (i * 7919) % 13);
    const ids = Array.from({ length: n }, (_, i) => `id${(i * 104729) % 1000}`);
    const top = new TopK(25, (slot) => ids[slot]!);
    keys.forEach((key, slot) => {
      top.offer(key, slot);
    });
    const expected = keys
      .map((key, slot) => ({ key, slot }))
      .sort((a, b) => a.key - b.key || (ids[a.slot]! < ids[b.slot]! ? -1 : 1))
      .slice(0, 25)
      .map((e) => e.slot);
    expect(top.sorted()).toEqual(expected);
  });
});
