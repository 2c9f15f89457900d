import { describe, expect, it } from 'vitest';
import {
  type Posting,
  postingAdd,
  postingDecode,
  postingFromSorted,
  postingIntersect,
  postingLength,
  postingRemove,
  postingTrim,
} from './posting-list.ts';

function build(slots: number[]): Posting | undefined {
  let p: Posting | undefined;
  for (const s of slots) p = postingAdd(p, s);
  return p;
}

function decoded(p: Posting | undefined, alive?: Uint8Array): number[] {
  if (p === undefined) return [];
  const out = new Uint32Array(postingLength(p));
  return [...out.subarray(0, postingDecode(p, out, alive))];
}

/** deterministic shuffle */
function shuffled(values: number[], seed = 3): number[] {
  const out = [...values];
  let a = seed;
  for (let i = out.length - 1; i > 0; i--) {
    a = (a * 1103515245 + 12345) % 2147483648;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('posting lists', () => {
  it('stay sorted and free of duplicates whatever the insertion order, small and packed', () => {
    expect(decoded(build([5, 1, 9, 5, 3, 9, 0]))).toEqual([0, 1, 3, 5, 9]);
    // gaps of every varint width, past the small-list limit and several skip blocks
    const slots = Array.from({ length: 700 }, (_, i) => i * i * 37 + (i % 7));
    const unique = [...new Set(slots)].sort((a, b) => a - b);
    const p = build(shuffled([...slots, ...slots.slice(0, 50)]))!;
    expect(postingLength(p)).toBe(unique.length);
    expect(decoded(p)).toEqual(unique);
    expect(decoded(postingTrim(p))).toEqual(unique);
    expect(decoded(postingFromSorted(Uint32Array.from(unique)))).toEqual(unique);
  });

  it('shrink back to a bare slot and then to nothing on removal, from the packed form too', () => {
    let p = build([4, 8]);
    p = postingRemove(p, 4);
    expect(p).toBe(8);
    expect(postingRemove(p, 8)).toBeUndefined();
    expect(postingRemove(build([1, 2, 3]), 7)).toBeDefined();
    let packed = build(Array.from({ length: 100 }, (_, i) => i * 3));
    for (let i = 0; i < 98; i++) packed = postingRemove(packed, i * 3);
    expect(decoded(packed)).toEqual([294, 297]);
    packed = postingRemove(packed, 294);
    expect(packed).toBe(297);
  });

  it('leave dead slots out when decoding with the alive marks', () => {
    const p = build(Array.from({ length: 300 }, (_, i) => i))!;
    const alive = new Uint8Array(300).fill(1);
    for (let i = 0; i < 300; i += 3) alive[i] = 0;
    expect(decoded(p, alive)).toEqual(Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 3 !== 0));
    expect(decoded(7, alive)).toEqual([7]);
    expect(decoded(9, alive)).toEqual([]);
  });

  it('intersect a short or long ascending list with every form, as a plain merge would', () => {
    const out = new Uint32Array(10_000);
    const evens = build(Array.from({ length: 5000 }, (_, i) => i * 2))!;
    const cases: [number[], Posting][] = [
      [[3, 4, 10, 9998, 12000], evens],
      [Array.from({ length: 4000 }, (_, i) => i * 3), evens],
      [[0, 1, 2, 3, 4, 257, 9998, 9999], evens],
      [[1, 2, 3, 4], build([2, 4, 6])!],
      [[4, 5], 4],
    ];
    for (const [a, p] of cases) {
      const set = new Set(decoded(p));
      const n = postingIntersect(Uint32Array.from(a), a.length, p, out);
      expect([...out.subarray(0, n)]).toEqual(a.filter((x) => set.has(x)));
    }
  });
});
