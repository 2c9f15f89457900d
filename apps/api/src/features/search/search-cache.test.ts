import { describe, expect, it } from 'vitest';
import { createSearchCache } from './search-cache.ts';

describe('search answer cache', () => {
  it('answers a repeated query from memory until the read model changes', async () => {
    const cache = createSearchCache();
    let calls = 0;
    const compute = async () => `answer-${++calls}`;
    expect(await cache.getOrCompute('q=王', compute)).toBe('answer-1');
    expect(await cache.getOrCompute('q=王', compute)).toBe('answer-1');
    cache.invalidate();
    expect(await cache.getOrCompute('q=王', compute)).toBe('answer-2');
  });

  it('never keeps an answer computed while the read model changed', async () => {
    const cache = createSearchCache();
    let release!: () => void;
    const slow = cache.getOrCompute(
      'q=李',
      () => new Promise<string>((r) => (release = () => r('before-removal'))),
    );
    cache.invalidate(); // a removal lands while the query runs
    release();
    expect(await slow).toBe('before-removal');
    expect(cache.get('q=李')).toBeUndefined();
  });

  it('evicts the least recently used answer beyond its size', async () => {
    const cache = createSearchCache(2);
    await cache.getOrCompute('a', async () => 'A');
    await cache.getOrCompute('b', async () => 'B');
    await cache.getOrCompute('a', async () => 'A2'); // touch a
    await cache.getOrCompute('c', async () => 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
  });
});
