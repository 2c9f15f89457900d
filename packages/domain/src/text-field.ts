/**
 * Reading one text value from a form or CSV cell, without any schema library: shared by the zod
 * draft schemas and by validators that run in the browser (the correction form), which must stay
 * small.
 */
import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode, type FieldError } from './errors.ts';
import { cleanText } from './text-normalize.ts';

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

export type TextReading = { ok: true; value: string } | { ok: false; code: DomainErrorCode; message: string };

/**
 * Reads a non-blank text value: must be a string, cleaned (see `cleanText`), at most `max`
 * characters (code points).
 * @example
 * readTextValue(' 张三 ', { max: 100 }) // { ok: true, value: '张三' }
 */
export function readTextValue(v: unknown, opts: { max: number; multiline?: boolean }): TextReading {
  if (typeof v !== 'string')
    return { ok: false, code: 'INVALID_TYPE', message: DOMAIN_ERROR_MESSAGES.INVALID_TYPE };
  const text = cleanText(v, { multiline: opts.multiline ?? false });
  const length = [...text].length;
  if (length > opts.max)
    return { ok: false, code: 'TOO_LONG', message: `内容过长：最多 ${opts.max} 个字，现有 ${length} 个字。` };
  return { ok: true, value: text };
}

/**
 * Reads `raw[field]` as text, pushing its problem onto `errors` (REQUIRED when blank).
 * @example
 * readText({ name: ' 张三 ' }, 'name', errors, { max: 100 }) // '张三'
 */
export function readText(
  raw: RawDraft,
  field: string,
  errors: FieldError[],
  opts: { max: number; multiline?: boolean },
): string | undefined {
  const v = raw[field];
  if (isBlank(v)) {
    errors.push({ field, code: 'REQUIRED', message: DOMAIN_ERROR_MESSAGES.REQUIRED });
    return undefined;
  }
  const r = readTextValue(v, opts);
  if (r.ok) return r.value;
  errors.push({ field, code: r.code, message: r.message });
  return undefined;
}
