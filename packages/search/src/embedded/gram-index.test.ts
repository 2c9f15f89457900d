import { describe, expect, it } from 'vitest';
import { GramIndex } from './gram-index.ts';

describe('GramIndex', () => {
  it('answers a long list from its decoded copy only while the list is unchanged, dead slots left out', () => {
    const grams = new GramIndex();
    const n = 6000; // long enough to be kept decoded
    for (let slot = 0; slot < n; slot++) grams.add(slot, slot % 2 === 0 ? '王伟' : '王芳');
    const alive = new Uint8Array(n + 1).fill(1);
    expect(grams.candidates('王', n, undefined)?.length).toBe(n);
    expect(grams.candidates('王', n, undefined)?.length).toBe(n); // from the copy
    grams.add(n, '王强'); // appended: the copy is stale
    expect([...grams.candidates('王', n + 1, undefined)!.subarray(n - 1)]).toEqual([n - 1, n]);
    alive[0] = 0;
    alive[n] = 0;
    const live = grams.candidates('王', n + 1, alive)!;
    expect([live.length, live[0], live.at(-1)]).toEqual([n - 1, 1, n - 1]);
    grams.remove(2, '王伟'); // a text changed in place: rewritten list, new copy
    grams.add(2, '李伟');
    expect(grams.candidates('王伟', n + 1, undefined)?.slice(0, 2)).toEqual(Uint32Array.of(0, 4));
    expect(grams.candidates('王', n + 1, undefined)?.includes(2)).toBe(false);
  });
});
