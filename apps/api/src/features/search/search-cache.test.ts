import { describe, expect, it } from 'vitest';
import { createSearchCache } from './search-cache.ts';

const bytes = (s: string) => Buffer.from(s);

describe('search answer cache', () => {
  it('answers a repeated query from memory until the read model changes', async () => {
    const cache = createSearchCache();
    let calls = 0;
    const compute = async () => bytes(`answer-${++calls}`);
    expect(String(await cache.getOrCompute('q=王', compute))).toBe('answer-1');
    expect(String(await cache.getOrCompute('q=王', compute))).toBe('answer-1');
    cache.invalidate();
    expect(String(await cache.getOrCompute('q=王', compute))).toBe('answer-2');
  });

  it('never keeps an answer computed while the read model changed', async () => {
    const cache = createSearchCache();
    let release!: () => void;
    const slow = cache.getOrCompute(
      'q=李',
      () => new Promise<Buffer>((r) => (release = () => r(bytes('before-removal')))),
    );
    cache.invalidate(); // a removal lands while the query runs
    release();
    expect(String(await slow)).toBe('before-removal');
    expect(cache.get('q=李')).toBeUndefined();
  });

  it('evicts the least recently used answer beyond its size', async () => {
    const cache = createSearchCache(2);
    await cache.getOrCompute('a', async () => bytes('A'));
    await cache.getOrCompute('b', async () => bytes('B'));
    await cache.getOrCompute('a', async () => bytes('A2')); // touch a
    await cache.getOrCompute('c', async () => bytes('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(String(cache.get('a'))).toBe('A');
  });
});
