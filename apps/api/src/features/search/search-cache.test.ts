import { describe, expect, it } from 'vitest';
import { createSearchCache, type SearchAnswer } from './search-cache.ts';

const bytes = (s: string) => Buffer.from(s);
const answerOf = (...hits: { id: string; name: string }[]): SearchAnswer => ({ hits, total: hits.length });

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

  it('writes a listing edited in the read model with its new text in every later answer', async () => {
    const cache = createSearchCache();
    const before = { id: 'L1', name: '王某某' };
    const after = { id: 'L1', name: '王某' };
    const first = await cache.getOrCompute('q=王', async (encode) => encode(answerOf(before)));
    expect(JSON.parse(String(first)).hits[0].name).toBe('王某某');
    cache.invalidate(); // the correction is published
    const second = await cache.getOrCompute('q=王某', async (encode) => encode(answerOf(after)));
    expect(JSON.parse(String(second)).hits[0].name).toBe('王某');
  });

  it('keeps no listing text read before a change that landed while the query ran', async () => {
    const cache = createSearchCache();
    let release!: () => void;
    const slow = cache.getOrCompute('q=王', async (encode) => {
      await new Promise<void>((r) => (release = r));
      return encode(answerOf({ id: 'L1', name: '王某某' })); // read before the correction
    });
    cache.invalidate();
    release();
    expect(JSON.parse(String(await slow)).hits[0].name).toBe('王某某');
    const later = await cache.getOrCompute('q=王某', async (encode) =>
      encode(answerOf({ id: 'L1', name: '王某' })),
    );
    expect(JSON.parse(String(later)).hits[0].name).toBe('王某');
  });

  it('starts the kept listing text afresh on a new day', async () => {
    let today = '2026-11-30';
    const cache = createSearchCache(10, () => today);
    await cache.getOrCompute('q=王', async (encode) => encode(answerOf({ id: 'L1', name: '王某某' })));
    today = '2026-12-01';
    const next = await cache.getOrCompute('q=王', async (encode) =>
      encode(answerOf({ id: 'L1', name: '王某' })),
    );
    expect(JSON.parse(String(next)).hits[0].name).toBe('王某');
  });
});
