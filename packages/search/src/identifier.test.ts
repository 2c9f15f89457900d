import { describe, expect, it } from 'vitest';
import { createIdentifierHasher, parseFullIdentifier } from './identifier.ts';

const ID = '11010519491231002X';
const USCC = '91350100M000100Y43';

describe('full identifiers', () => {
  it('art. 6: matches a full ID number typed in lower case or full width by its public masked form', () => {
    expect(parseFullIdentifier('11010519491231002x')).toBe('1101051949****002X');
    expect(parseFullIdentifier('１１０１０５１９４９１２３１００２Ｘ')).toBe('1101051949****002X');
  });

  it('art. 6: accepts the masked form itself, as the national database shows it', () => {
    expect(parseFullIdentifier('1101051949****002X')).toBe('1101051949****002X');
    expect(parseFullIdentifier('1101051949＊＊＊＊002x')).toBe('1101051949****002X');
  });

  it('art. 6 / PIPL: every number sharing the masked form hashes alike, so search cannot confirm a guessed birth date', () => {
    const hash = createIdentifierHasher('test-secret-0123456789');
    const guesses = ['11010519490101002X', '11010519491231002X', '11010519490231002X', '1101051949****002X'];
    expect(new Set(guesses.map(hash)).size).toBe(1);
    expect(hash('11010519501231002X')).not.toBe(hash(ID));
  });

  it('recognises a unified social credit code', () => {
    expect(parseFullIdentifier(USCC.toLowerCase())).toBe(USCC);
  });

  it('treats fragments and wrong check characters as ordinary text', () => {
    expect(parseFullIdentifier('1101051949')).toBeNull();
    expect(parseFullIdentifier('11010519491231002')).toBeNull();
    expect(parseFullIdentifier('1101051949**31002X')).toBeNull();
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
