/**
 * Synthetic but well-formed identifiers: resident ID numbers (GB 11643, MOD 11-2 check digit) and
 * unified social credit codes (GB 32100, MOD 31 check character, with an embedded organisation code
 * carrying its own GB 11714 check digit). Check characters come from @portal/domain.
 */
import { idNumberCheckChar, usccCheckChar } from '@portal/domain';
import type { Rng } from './prng.ts';

/**
 * An 18-character ID number for a birth date (`YYYY-MM-DD`); the sequence's last digit is odd for men.
 *
 * @example
 * idNumberFor(rng, '460106', '1980-01-01', '男') // '460106198001010xxX'
 */
export function idNumberFor(rng: Rng, regionCode: string, birthDate: string, gender: '男' | '女'): string {
  const order = rng.int(0, 99) * 10 + (gender === '男' ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2);
  const first17 =
    regionCode + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + pad3(order);
  return first17 + idNumberCheckChar(first17);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/** Characters allowed in a USCC (no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 check digit of an 8-character organisation code body. */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55; // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    sum += value * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A unified social credit code: registration authority 9 (market regulation), the given type
 * ('1' company, '3' farmers' cooperative), the division code, an organisation code (new style
 * `MA5…` or old style all digits) and the MOD 31 check character.
 */
export function usccFor(rng: Rng, divisionCode: string, orgType: '1' | '3'): string {
  let body = '';
  if (rng.chance(0.6)) {
    body = 'MA5';
    for (let i = 0; i < 5; i++) body += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
  } else {
    body = String(rng.int(0, 7));
    for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
  }
  const first17 = `9${orgType}${divisionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
