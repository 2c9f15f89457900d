import { createHash } from 'node:crypto';
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

  it('finds every slot of every key after the table grew, lost slots and was rebuilt from its arrays', () => {
    const keys = new IdentifierKeys();
    const keyOf = (i: number) =>
      createHash('sha256')
        .update(String(i % 3000))
        .digest('hex');
    for (let slot = 0; slot < 9000; slot++) keys.set(slot, keyOf(slot)); // three slots per key
    for (let slot = 0; slot < 9000; slot += 5) keys.set(slot, undefined);
    const expected = (i: number) => [i, i + 3000, i + 6000].filter((s) => s % 5 !== 0);
    const restored = IdentifierKeys.fromArrays(keys.bytes.slice(), keys.has.slice());
    for (const table of [keys, restored])
      for (const i of [0, 1, 7, 2999]) {
        expect([...table.slotsFor(keyOf(i))]).toEqual(expected(i));
        expect(table.keyOf(i + 3000)).toBe((i + 3000) % 5 === 0 ? undefined : keyOf(i));
      }
    expect([...keys.slotsFor('c'.repeat(64))]).toEqual([]);
  });
});
