import { describe, expect, it } from 'vitest';
import { createIdentifierHasher, parseFullIdentifier } from './identifier.ts';

const ID = '11010519491231002X';
const USCC = '91350100M000100Y43';

describe('full identifiers', () => {
  it('recognises a full ID number typed in lower case or full width', () => {
    expect(parseFullIdentifier('11010519491231002x')).toBe(ID);
    expect(parseFullIdentifier('１１０１０５１９４９１２３１００２Ｘ')).toBe(ID);
  });

  it('recognises a unified social credit code', () => {
    expect(parseFullIdentifier(USCC.toLowerCase())).toBe(USCC);
  });

  it('treats fragments and wrong check characters as ordinary text', () => {
    expect(parseFullIdentifier('1101051949')).toBeNull();
    expect(parseFullIdentifier('110105194912310021')).toBeNull();
    expect(parseFullIdentifier('91350100M000100Y44')).toBeNull();
  });

  it('hashes the normalised value with a keyed HMAC, never returning the clear value', () => {
    const hash = createIdentifierHasher('test-secret-0123456789');
    expect(hash(ID)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash('11010519491231002x')).toBe(hash(ID));
    expect(createIdentifierHasher('other-secret-0123456789')(ID)).not.toBe(hash(ID));
  });

  it('refuses a short secret', () => {
    expect(() => createIdentifierHasher('short')).toThrow(RangeError);
  });
});
