import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function freshRandom(): number[] {
  return Array.from(randomBytes(12), (byte) => byte % 32);
}

/** Adds one to the base-32 digits, carrying leftwards (monotonic ids within one millisecond). */
function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    const digit = (next[i] ?? 0) + 1;
    next[i] = digit % 32;
    if (digit < 32) break;
  }
  return next;
}

/**
 * A ULID-like id: prefix + 10 chars of millisecond time + 12 random chars, Crockford base32.
 * Ids sort by creation time as strings, and strictly increase within one process.
 *
 * @example
 * newId('L') // 'L01JDZ8Q6V3K4M2N7P8R9S0T1'
 */
export function newId(prefix = '', now = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = freshRandom();
  }
  return prefix + encodeTime(lastTime) + lastRandom.map((digit) => ALPHABET[digit]).join('');
}
