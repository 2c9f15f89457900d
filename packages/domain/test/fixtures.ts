/** Helpers shared by the domain tests: build valid ID numbers and credit codes. */
import { idNumberCheckChar } from '../src/id-number.ts';
import { usccCheckChar } from '../src/uscc.ts';

/**
 * A valid ID number for a region, birth date (YYYYMMDD) and 3-digit sequence.
 * @example
 * makeId('460103', '19800101', '123') // '460103198001011234'-like, with a correct check char
 */
export function makeId(region: string, birth: string, seq = '123'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * A valid USCC from its first 17 characters.
 * @example
 * makeUscc('91460000MA5T00000') // first 17 + check char
 */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}
