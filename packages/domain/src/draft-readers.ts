/**
 * Readers for single draft fields: each reads `raw[field]`, pushes FieldErrors for what is wrong
 * and returns the normalised value (or undefined). Used by `validateListingDraft`.
 */
import { dateParts, isIsoDate } from './dates.ts';
import { DOMAIN_ERROR_MESSAGES, type FieldError, fieldError } from './errors.ts';
import type { Gender } from './id-number.ts';
import type { ListingKind } from './listing-types.ts';
import { cleanText, toHalfWidth } from './text-normalize.ts';

export type RawDraft = Record<string, unknown>;

/**
 * True when a value is absent: undefined, null or a string of only whitespace (CSV empty cells).
 * @example
 * isBlank('  ') // true
 * isBlank(0) // false
 */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && cleanText(v) === '');
}

/**
 * Reads a text field: must be a string, cleaned (see `cleanText`), required unless `optional`,
 * at most `max` characters (counted as code points).
 * @example
 * readText({ name: ' 张三 ' }, 'name', [], { max: 100 }) // '张三'
 */
export function readText(
  raw: RawDraft,
  field: string,
  errors: FieldError[],
  opts: { max: number; optional?: boolean; multiline?: boolean },
): string | undefined {
  const v = raw[field];
  if (isBlank(v)) {
    if (!opts.optional) errors.push(fieldError(field, 'REQUIRED'));
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(fieldError(field, 'INVALID_TYPE'));
    return undefined;
  }
  const text = cleanText(v, { multiline: opts.multiline ?? false });
  const length = [...text].length;
  if (length > opts.max) {
    errors.push(fieldError(field, 'TOO_LONG', `内容过长：最多${opts.max}个字，现有${length}个字。`));
    return undefined;
  }
  return text;
}

/**
 * Reads an ISO date (`YYYY-MM-DD`), not after `today` and not before 1900.
 * @example
 * readDate({ filedAt: '2017-07-18' }, 'filedAt', [], { today: '2025-01-01' }) // '2017-07-18'
 */
export function readDate(
  raw: RawDraft,
  field: string,
  errors: FieldError[],
  opts: { today: string; optional?: boolean },
): string | undefined {
  const v = raw[field];
  if (isBlank(v)) {
    if (!opts.optional) errors.push(fieldError(field, 'REQUIRED'));
    return undefined;
  }
  const text = typeof v === 'string' ? toHalfWidth(v).trim() : v;
  if (!isIsoDate(text) || (dateParts(text)?.year ?? 0) < 1900) {
    errors.push(fieldError(field, 'INVALID_DATE'));
    return undefined;
  }
  if (text > opts.today) {
    errors.push(
      fieldError(
        field,
        'DATE_IN_FUTURE',
        `${DOMAIN_ERROR_MESSAGES.DATE_IN_FUTURE.slice(0, -1)}（${opts.today}）。`,
      ),
    );
    return undefined;
  }
  return text;
}

/**
 * Reads a whole number given as a number or a string of digits; undefined when not one.
 * @example
 * wholeNumber(' 12 ') // 12
 * wholeNumber(1.5) // undefined
 */
export function wholeNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = toHalfWidth(v).trim();
  return /^\d{1,16}$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : undefined;
}

const TRUE_WORDS = new Set(['true', '1', '是', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', '否', 'no', 'n']);

/**
 * Reads a boolean (true/false, or the words 是/否, true/false, 1/0); `fallback` when absent.
 * @example
 * readBoolean({ livelihood: '是' }, 'livelihood', [], false) // true
 */
export function readBoolean(raw: RawDraft, field: string, errors: FieldError[], fallback: boolean): boolean {
  const v = raw[field];
  if (isBlank(v)) return fallback;
  if (typeof v === 'boolean') return v;
  const word =
    typeof v === 'string' || typeof v === 'number' ? toHalfWidth(String(v)).trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  errors.push(fieldError(field, 'INVALID_BOOLEAN'));
  return fallback;
}

const KIND_WORDS: Record<string, ListingKind> = {
  person: 'person',
  自然人: 'person',
  个人: 'person',
  org: 'org',
  法人或其他组织: 'org',
  法人或者其他组织: 'org',
  法人: 'org',
  单位: 'org',
  企业: 'org',
  其他组织: 'org',
};

/**
 * Reads a kind as `person`/`org` or the Chinese words staff use (自然人, 法人或其他组织, 单位…).
 * @example
 * parseKind('自然人') // 'person'
 */
export function parseKind(v: unknown): ListingKind | null {
  if (typeof v !== 'string') return null;
  const key = toHalfWidth(v).replace(/\s+/g, '').toLowerCase();
  return Object.hasOwn(KIND_WORDS, key) ? KIND_WORDS[key]! : null;
}

/**
 * Reads a gender as 男/女 (also male/female, M/F).
 * @example
 * parseGender('女') // '女'
 */
export function parseGender(v: unknown): Gender | null {
  if (typeof v !== 'string') return null;
  const s = toHalfWidth(v).trim().toLowerCase();
  if (s === '男' || s === 'male' || s === 'm') return '男';
  if (s === '女' || s === 'female' || s === 'f') return '女';
  return null;
}
