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

  it('GB 11643 / art. 6: converts a 15-digit first-generation number to 18 digits (19 inserted, check digit computed) and matches its masked form', () => {
    expect(parseFullIdentifier('110105491231002')).toBe('1101051949****002X');
    expect(parseFullIdentifier('１１０１０５４９１２３１００２')).toBe('1101051949****002X');
    const hash = createIdentifierHasher('test-secret-0123456789');
    expect(hash('110105491231002')).toBe(hash(ID));
    // another birth date whose computed check character is also X shares the masked form: answered alike
    const sameMask = ['0101', '0102', '0103', '0104', '0105', '0106', '0107', '0108', '0109', '0110', '0111']
      .map((mmdd) => `11010549${mmdd}002`)
      .filter((id15) => parseFullIdentifier(id15) === '1101051949****002X');
    expect(sameMask.length).toBeGreaterThan(0);
    for (const id15 of sameMask) expect(hash(id15)).toBe(hash(ID));
    expect(hash('110105501231002')).not.toBe(hash(ID));
  });

  it('treats 14 and 16 digits, and 15 characters with a letter, as ordinary text', () => {
    expect(parseFullIdentifier('11010549123100')).toBeNull();
    expect(parseFullIdentifier('1101054912310021')).toBeNull();
    expect(parseFullIdentifier('11010549123100X')).toBeNull();
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
