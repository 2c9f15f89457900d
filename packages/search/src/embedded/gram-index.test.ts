import { describe, expect, it } from 'vitest';
import { GramIndex } from './gram-index.ts';

describe('GramIndex', () => {
  it('answers a long list from what it keeps of it (bitmap or decoded copy) only while the list is unchanged, dead slots left out', () => {
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

  it('intersects dense lists through bitmaps that follow the lists as they grow', () => {
    const grams = new GramIndex();
    const texts: string[] = [];
    const put = (text: string) => {
      grams.add(texts.length, text);
      texts.push(text);
    };
    // '20' is in every text (skipped as too dense), '琼9' in half, '9003' in a tenth
    for (let i = 0; i < 3000; i++) put(`2024琼${i % 2 === 0 ? '9' : '0'}${i % 10 === 0 ? '003' : '107'}`);
    const truth = (q: string) => texts.flatMap((t, slot) => (t.includes(q) ? [slot] : []));
    const asked = (q: string) => [...grams.candidates(q, texts.length, undefined)!];
    expect(asked('琼9003')).toEqual(truth('琼9003'));
    expect(asked('4琼9')).toEqual(truth('4琼9'));
    for (let i = 0; i < 500; i++) put(i % 5 === 0 ? '2025琼9003' : '2025琼0001'); // appended after the bitmaps were made
    expect(asked('琼9003')).toEqual(truth('琼9003'));
    grams.remove(10, texts[10]!); // rewritten lists: new bitmaps
    texts[10] = '2024琼0107';
    grams.add(10, texts[10]);
    expect(asked('琼9003')).toEqual(truth('琼9003'));
  });
});
