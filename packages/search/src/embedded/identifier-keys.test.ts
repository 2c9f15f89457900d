import { describe, expect, it } from 'vitest';
import { IdentifierKeys } from './identifier-keys.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('IdentifierKeys', () => {
  it('maps one key to every listing of the same person', () => {
    const keys = new IdentifierKeys();
    keys.set(3, A);
    keys.set(1, A);
    keys.set(2, B);
    expect([...keys.slotsFor(A)]).toEqual([1, 3]);
    expect(keys.keyOf(3)).toBe(A);
  });

  it('forgets a slot whose key changes or goes away', () => {
    const keys = new IdentifierKeys();
    keys.set(1, A);
    keys.set(2, A);
    keys.set(1, B);
    keys.set(2, undefined);
    expect([...keys.slotsFor(A)]).toEqual([]);
    expect([...keys.slotsFor(B)]).toEqual([1]);
  });
});
