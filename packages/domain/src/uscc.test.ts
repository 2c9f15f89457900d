import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUscc, usccCheckChar } from './uscc.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('parseUscc', () => {
  it('accepts a valid code and normalises lowercase and spaces', () => {
    expect(parseUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('rejects a bad check character', () => {
    expect(parseUscc('91350100M000100Y44')).toMatchObject({ ok: false, code: 'USCC_CHECKSUM' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s and names it', (letter) => {
    const r = parseUscc(`91350100M000100${letter}43`);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_USCC' });
    expect(!r.ok && r.message).toContain(`“${letter}”`);
  });

  it('rejects a code of the wrong length', () => {
    expect(parseUscc('91350100M000100Y4')).toMatchObject({ ok: false, code: 'INVALID_USCC' });
  });

  it('computes 0 when 31 - (sum mod 31) is 31', () => {
    // Find a prefix whose weighted sum is a multiple of 31: vary the last char until the check is 0.
    const prefix = [...ALPHABET].map((c) => `9135010000000000${c}`).find((p) => usccCheckChar(p) === '0');
    expect(prefix).toBeDefined();
    expect(parseUscc(`${prefix}0`).ok).toBe(true);
  });
});

describe('usccCheckChar (property)', () => {
  const char = fc.constantFrom(...ALPHABET);
  const first17 = fc.array(char, { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

  it('appending the check char passes, changing any one character fails', () => {
    fc.assert(
      fc.property(
        first17,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (p, pos, delta) => {
          const code = p + usccCheckChar(p);
          expect(parseUscc(code)).toEqual({ ok: true, value: code });
          const replaced = ALPHABET[(ALPHABET.indexOf(p[pos]!) + delta) % 31]!;
          const changed = `${p.slice(0, pos)}${replaced}${p.slice(pos + 1)}${code[17]}`;
          expect(parseUscc(changed)).toMatchObject({ ok: false, code: 'USCC_CHECKSUM' });
        },
      ),
    );
  });
});
