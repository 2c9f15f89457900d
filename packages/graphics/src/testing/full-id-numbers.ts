import { parseIdNumber } from '@portal/domain';

/**
 * Every valid full ID number (GB 11643: check character, province, birth date) found anywhere in
 * `text`, also inside longer digit runs. A plain `\d{17}[\dX]` pattern is not enough for "no full
 * ID number leaked": an all-digit unified social credit code (public under art. 6) matches it.
 * @example fullIdNumbersIn('统一社会信用代码 914600006538371072') // []
 */
export function fullIdNumbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?=(\d{17}[\dXx]))/g)) {
    const candidate = m[1] ?? '';
    if (parseIdNumber(candidate, { today: '9999-12-31' }).ok) found.add(candidate.toUpperCase());
  }
  return [...found];
}
