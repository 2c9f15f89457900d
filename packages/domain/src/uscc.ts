/**
 * Unified social credit codes, GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, Z, S, V), the last one a MOD 31 check character.
 */
import { fail, type ParseResult } from './errors.ts';
import { toHalfWidth } from './text-normalize.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccResult = ParseResult<{ value: string }>;

/**
 * The MOD 31 check character for the first 17 characters.
 * @example
 * usccCheckChar('91350100M000100Y4') // '3'
 */
export function usccCheckChar(first17: string): string {
  const v = first17.toUpperCase();
  if (v.length !== 17) throw new RangeError('usccCheckChar expects 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = ALPHABET.indexOf(v[i]!);
    if (n < 0) throw new RangeError(`character not allowed in a USCC: ${v[i]}`);
    sum += n * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Validates and normalises a unified social credit code (trimmed, inner spaces removed,
 * full-width converted, upper-cased).
 * @example
 * parseUscc('91350100m000100y43') // { ok: true, value: '91350100M000100Y43' }
 * parseUscc('91350100M000100Y44').ok // false (USCC_CHECKSUM)
 */
export function parseUscc(raw: string): UsccResult {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('REQUIRED');
  const value = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  if (value.length !== 18)
    return fail('INVALID_USCC', `统一社会信用代码应为 18 位，现为 ${value.length} 位。`);
  const bad = [...value].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) {
    return fail(
      'INVALID_USCC',
      `统一社会信用代码中不能出现“${bad}”，只能使用数字和除 I、O、Z、S、V 以外的大写字母。`,
    );
  }
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return fail('USCC_CHECKSUM');
  return { ok: true, value };
}
