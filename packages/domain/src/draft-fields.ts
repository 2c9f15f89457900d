/**
 * zod schemas for single draft fields (API body, CSV row, correction request). Each schema
 * accepts the loose forms staff type or spreadsheets export, reports problems as zod issues that
 * carry a domain code (`params.domainCode`) and a zh-CN message, and outputs the normalised value
 * (undefined for an absent optional field or a value that failed). `issuesToFieldErrors` turns
 * the issues back into the `FieldError`s every surface already shows.
 */
import { z } from 'zod';
import { dateParts, isIsoDate } from './dates.ts';
import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode, type FieldError, fieldError } from './errors.ts';
import type { Gender } from './id-number.ts';
import type { ListingKind } from './listing-types.ts';
import { isBlank, type RawDraft, readTextValue } from './text-field.ts';
import { toHalfWidth } from './text-normalize.ts';

export type { RawDraft };
export { isBlank };

type Ctx = z.core.$RefinementCtx<unknown>;

/**
 * Adds an issue with a domain code (and the code's default message unless one is given).
 * @example
 * domainIssue(ctx, 'REQUIRED') // FieldError later: { code: 'REQUIRED', message: '该项为必填项，请填写。' }
 */
export function domainIssue(ctx: Ctx, code: DomainErrorCode, message?: string, path?: string[]): void {
  ctx.addIssue({
    code: 'custom',
    message: message ?? DOMAIN_ERROR_MESSAGES[code],
    params: { domainCode: code },
    ...(path ? { path } : {}),
    input: undefined,
  });
}

/**
 * Maps zod issues to field errors, keeping only the first problem per field (as a person fixes
 * one thing at a time) and the order of the fields in the schema.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (out.some((e) => e.field === field)) continue;
    const code =
      (issue.code === 'custom' && (issue.params?.domainCode as DomainErrorCode)) || 'INVALID_INPUT';
    out.push(fieldError(field, code, issue.message));
  }
  return out;
}

/** Wraps a field reader: blank values give REQUIRED, or undefined when `optional`. */
function field<T>(read: (v: unknown, ctx: Ctx) => T | undefined, optional: boolean) {
  return z.unknown().transform((v, ctx): T | undefined => {
    if (isBlank(v)) {
      if (!optional) domainIssue(ctx, 'REQUIRED');
      return undefined;
    }
    return read(v, ctx);
  });
}

/**
 * A text field: a string, cleaned (see `cleanText`), at most `max` characters (code points).
 * @example
 * textField({ max: 100 }).parse(' 张三 ') // '张三'
 */
export function textField(opts: { max: number; optional?: boolean; multiline?: boolean }) {
  return field<string>((v, ctx) => {
    const r = readTextValue(v, opts);
    return r.ok ? r.value : void domainIssue(ctx, r.code, r.message);
  }, opts.optional ?? false);
}

/**
 * An ISO date (`YYYY-MM-DD`, half-width or full-width digits), from 1900, not after `today`.
 * @example
 * dateField({ today: '2025-01-01' }).parse('2017-07-18') // '2017-07-18'
 */
export function dateField(opts: { today: string; optional?: boolean }) {
  return field<string>((v, ctx) => {
    const text = typeof v === 'string' ? toHalfWidth(v).trim() : v;
    if (!isIsoDate(text) || (dateParts(text)?.year ?? 0) < 1900) return void domainIssue(ctx, 'INVALID_DATE');
    if (text > opts.today) {
      const message = `${DOMAIN_ERROR_MESSAGES.DATE_IN_FUTURE.slice(0, -1)}（${opts.today}）。`;
      return void domainIssue(ctx, 'DATE_IN_FUTURE', message);
    }
    return text;
  }, opts.optional ?? false);
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

/**
 * A whole number (number or digits); `code`/`message` when it is not one or fails `accept`.
 * @example
 * wholeNumberField('INVALID_AMOUNT').parse('500') // 500
 */
export function wholeNumberField(
  code: DomainErrorCode,
  opts: { message?: string; optional?: boolean; accept?: (n: number) => boolean } = {},
) {
  return field<number>((v, ctx) => {
    const n = wholeNumber(v);
    if (n === undefined || (opts.accept && !opts.accept(n))) return void domainIssue(ctx, code, opts.message);
    return n;
  }, opts.optional ?? false);
}

const TRUE_WORDS = new Set(['true', '1', '是', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', '否', 'no', 'n']);

/**
 * A boolean: true/false, or the words 是/否, yes/no, 1/0; `fallback` when absent.
 * @example
 * booleanField(false).parse('是') // true
 */
export function booleanField(fallback: boolean) {
  return z.unknown().transform((v, ctx): boolean => {
    if (isBlank(v)) return fallback;
    if (typeof v === 'boolean') return v;
    const word =
      typeof v === 'string' || typeof v === 'number' ? toHalfWidth(String(v)).trim().toLowerCase() : '';
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    domainIssue(ctx, 'INVALID_BOOLEAN');
    return fallback;
  });
}

/**
 * A value parsed by a domain parser (`ParseResult`); the parser's code and message on failure.
 * @example
 * parsedField((s) => parseUscc(s), (r) => r.value).parse('91350100m000100y43') // '91350100M000100Y43'
 */
export function parsedField<R extends { ok: boolean }, T>(
  parse: (text: string) => R,
  pick: (ok: Extract<R, { ok: true }>) => T,
  opts: { optional?: boolean } = {},
) {
  return field<T>((v, ctx) => {
    const r = parse(String(v));
    if (!r.ok) {
      const bad = r as unknown as { code: DomainErrorCode; message: string };
      return void domainIssue(ctx, bad.code, bad.message);
    }
    return pick(r as Extract<R, { ok: true }>);
  }, opts.optional ?? false);
}

/**
 * One of a closed set of words (aliases allowed); `code` when the value is none of them.
 * @example
 * choiceField(parseGender, 'INVALID_GENDER', { optional: true }).parse('F') // '女'
 */
export function choiceField<T>(
  parse: (v: unknown) => T | null,
  code: DomainErrorCode,
  opts: { optional?: boolean; message?: string } = {},
) {
  return field<T>((v, ctx) => parse(v) ?? void domainIssue(ctx, code, opts.message), opts.optional ?? false);
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

/** A field that must stay empty for this kind of defaulter (art. 6 lists different fields). */
export function forbiddenField(message: string) {
  return z.unknown().transform((v, ctx): undefined => {
    if (!isBlank(v)) domainIssue(ctx, 'FIELD_NOT_ALLOWED', message);
    return undefined;
  });
}
