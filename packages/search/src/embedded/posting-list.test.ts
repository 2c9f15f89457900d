import { describe, expect, it } from 'vitest';
import { intersectSorted } from './intersect.ts';
import { type Posting, postingAdd, postingRemove, postingView } from './posting-list.ts';

function build(slots: number[]): Posting | undefined {
  let p: Posting | undefined;
  for (const s of slots) p = postingAdd(p, s);
  return p;
}

describe('posting lists', () => {
  it('stay sorted and free of duplicates whatever the insertion order', () => {
    const p = build([5, 1, 9, 5, 3, 9, 0])!;
    expect([...postingView(p)]).toEqual([0, 1, 3, 5, 9]);
  });

  it('shrink back to a bare slot and then to nothing on removal', () => {
    let p = build([4, 8]);
    p = postingRemove(p, 4);
    expect(p).toBe(8);
    expect(postingRemove(p, 8)).toBeUndefined();
    expect(postingRemove(build([1, 2, 3]), 7)).toBeDefined();
  });

  it('intersect by merging and by galloping alike', () => {
    const big = Uint32Array.from({ length: 5000 }, (_, i) => i * 2);
    const small = Uint32Array.of(3, 4, 10, 9998, 12000);
    const out = new Uint32Array(5000);
    const n = intersectSorted(small, big, out);
    expect([...out.subarray(0, n)]).toEqual([4, 10, 9998]);
    const m = intersectSorted(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(2, 4, 6), out);
    expect([...out.subarray(0, m)]).toEqual([2, 4]);
  });
});
