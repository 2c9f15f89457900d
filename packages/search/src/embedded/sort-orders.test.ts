import { describe, expect, it } from 'vitest';
import { radixSortByDouble } from './sort-orders.ts';

describe('radixSortByDouble', () => {
  it('orders by key like a stable comparison sort, negatives, zeros, fractions and huge values included', () => {
    const values = [5, -3, 0, -0, 2.5, 1e15, -1e15, 5, 0.1, -0.1, 42, 5, 2 ** 40 + 1, 2 ** 40];
    const key = new Float64Array(Array.from({ length: 500 }, (_, i) => values[(i * 7) % values.length]!));
    const slots = Uint32Array.from({ length: 500 }, (_, i) => (i * 37) % 500);
    const expected = [...slots].sort((a, b) => key[a]! - key[b]!); // Array#sort is stable
    expect([...radixSortByDouble(slots, key)]).toEqual(expected);
  });

  it('handles an empty list and a single key', () => {
    expect([...radixSortByDouble(new Uint32Array(0), new Float64Array(0))]).toEqual([]);
    expect([...radixSortByDouble(Uint32Array.of(2, 0, 1), new Float64Array([7, 7, 7]))]).toEqual([2, 0, 1]);
  });
});
