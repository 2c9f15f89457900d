/**
 * Money is stored as integer fen (分). Shown as yuan with thousands separators and two decimals.
 * Parsing works on the digits as text, so `0.29` is 29 fen and never 28.999….
 */
import { fail, type ParseResult } from './errors.ts';
import { toHalfWidth } from './text-normalize.ts';

/** Upper bound for any amount: 10^15 fen (10 trillion yuan), below Number.MAX_SAFE_INTEGER. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000_000;

/**
 * True for an integer number of fen between 0 and MAX_AMOUNT_FEN.
 * @example
 * isValidFen(12345) // true
 * isValidFen(-1) // false
 */
export function isValidFen(fen: unknown): fen is number {
  return typeof fen === 'number' && Number.isSafeInteger(fen) && fen >= 0 && fen <= MAX_AMOUNT_FEN;
}

/**
 * Formats fen as `¥123,456.78`. Throws RangeError on a negative, fractional or oversized amount
 * (stored amounts are validated, so that is a programming error).
 * @example
 * formatFen(12345678) // '¥123,456.78'
 * formatFen(5) // '¥0.05'
 */
export function formatFen(fen: number): string {
  if (!isValidFen(fen)) throw new RangeError(`not a valid amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `¥${String(yuan).replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

export type FenResult = ParseResult<{ value: number }>;

const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;

/**
 * Parses a yuan amount such as `123456.78`, `123,456.78`, `¥1,000`, `1000元`, `1,000.5` into
 * integer fen. Rejects negatives, more than two decimals, misplaced thousands separators and
 * anything above MAX_AMOUNT_FEN, with INVALID_AMOUNT.
 * @example
 * parseYuanToFen('¥123,456.78') // { ok: true, value: 12345678 }
 * parseYuanToFen('1.234').ok // false
 */
export function parseYuanToFen(text: string): FenResult {
  if (typeof text !== 'string' || text.trim() === '') return fail('REQUIRED');
  const s = toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^(¥|￥|RMB|CNY)/i, '')
    .replace(/(人民币)?元$/, '');
  if (s.startsWith('-')) return fail('INVALID_AMOUNT', '金额不能为负数。');
  const m = /^([\d,]+)(?:\.(\d+))?$/.exec(s);
  if (!m) return fail('INVALID_AMOUNT');
  const intPart = m[1]!;
  const frac = m[2] ?? '';
  if (!PLAIN.test(intPart) && !GROUPED.test(intPart)) {
    return fail('INVALID_AMOUNT', '金额的千位分隔符位置不正确，请核对。');
  }
  if (frac.length > 2) return fail('INVALID_AMOUNT', '金额最多保留两位小数（精确到分）。');
  const fen = BigInt(intPart.replace(/,/g, '')) * 100n + BigInt(frac.padEnd(2, '0'));
  if (fen > BigInt(MAX_AMOUNT_FEN)) return fail('INVALID_AMOUNT', '金额超出允许的范围，请核对。');
  return { ok: true, value: Number(fen) };
}
