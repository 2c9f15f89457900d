import { describe, expect, it } from 'vitest';
import { createSealedBox } from './sealed-box.ts';

describe('sealed box for personal data at rest', () => {
  it('round-trips and never stores the clear text', () => {
    const box = createSealedBox('a-secret-of-enough-length');
    const sealed = box.seal('张三 13800000000');
    expect(sealed).not.toContain('13800000000');
    expect(box.open(sealed)).toBe('张三 13800000000');
    expect(box.seal('x')).not.toBe(box.seal('x')); // fresh IV each time
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const box = createSealedBox('a-secret-of-enough-length');
    const sealed = box.seal('李四');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSealedBox('another-secret-value').open(sealed)).toThrow();
  });
});
