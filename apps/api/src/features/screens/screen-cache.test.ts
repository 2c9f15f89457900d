import type { SearchIndex } from '@portal/search';
import { afterEach, describe, expect, it } from 'vitest';
import { createScreenCache, type ScreenCache } from './screen-cache.ts';

// image() never reads the index
const noIndex = {} as SearchIndex;

describe('screen cache: rendered images', () => {
  let cache: ScreenCache;
  afterEach(async () => {
    await cache.close();
  });

  function counting() {
    const calls: string[] = [];
    const render = (key: string, bytes: number) => () => {
      calls.push(key);
      return Promise.resolve(Buffer.alloc(bytes));
    };
    return { calls, render };
  }

  it('keeps at most maxImageBytes of PNGs, dropping the least recently used first', async () => {
    cache = createScreenCache(noIndex, { maxImages: 100, maxImageBytes: 1000 });
    const { calls, render } = counting();
    await cache.image('a', render('a', 400));
    await cache.image('b', render('b', 400));
    await cache.image('a', render('a', 400)); // a hit: a is now the most recent
    await cache.image('c', render('c', 400)); // 1,200 bytes: b goes
    expect(cache.imageStats()).toEqual({ entries: 2, bytes: 800 });
    await cache.image('a', render('a', 400));
    await cache.image('b', render('b', 400));
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps at most maxImages entries', async () => {
    cache = createScreenCache(noIndex, { maxImages: 3, maxImageBytes: 1 << 30 });
    const { render } = counting();
    for (const k of ['a', 'b', 'c', 'd', 'e']) await cache.image(k, render(k, 10));
    expect(cache.imageStats()).toEqual({ entries: 3, bytes: 30 });
  });

  it('a failed render is not kept: the next request renders again', async () => {
    cache = createScreenCache(noIndex);
    await expect(cache.image('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const { calls, render } = counting();
    await cache.image('x', render('x', 5));
    expect(calls).toEqual(['x']);
    expect(cache.imageStats()).toEqual({ entries: 1, bytes: 5 });
  });
});
