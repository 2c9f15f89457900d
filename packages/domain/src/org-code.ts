/**
 * Organisation codes (组织机构代码), GB 11714-1997: 8 body characters (digits or capital letters)
 * and a check character, usually written `12345678-9`. Organisations registered before the
 * unified social credit code (2015) and never re-registered have only this code; it is also
 * characters 9–17 of their later credit code.
 */
import { fail, type ParseResult } from './errors.ts';
import { toHalfWidth } from './text-normalize.ts';

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type OrgCodeResult = ParseResult<{ value: string }>;

function charValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 … Z = 35
}

/**
 * The check character for the 8 body characters: 11 − (Σ value × weight mod 11), 10 → X, 11 → 0.
 * @example
 * orgCodeCheckChar('D2143569') // 'X' (the standard's example D2143569-X)
 */
export function orgCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError('orgCodeCheckChar expects 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i]!) * WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Validates and normalises an organisation code (spaces and the hyphen removed, full-width
 * converted, upper-cased): 9 characters with a correct check character.
 * @example
 * parseOrgCode('d2143569-x') // { ok: true, value: 'D2143569X' }
 */
export function parseOrgCode(raw: string): OrgCodeResult {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('REQUIRED');
  const value = toHalfWidth(raw)
    .replace(/[\s\-－—]+/g, '')
    .toUpperCase();
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(value)) return fail('INVALID_ORG_CODE');
  if (orgCodeCheckChar(value.slice(0, 8)) !== value[8]) return fail('ORG_CODE_CHECKSUM');
  return { ok: true, value };
}

/**
 * The organisation code embedded in a unified social credit code (characters 9–17).
 * @example
 * orgCodeOfUscc('91350100M000100Y43') // 'M000100Y4'
 */
export function orgCodeOfUscc(uscc: string): string {
  return uscc.slice(8, 17);
}
