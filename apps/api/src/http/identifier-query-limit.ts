import type { BlockList } from 'node:net';
import { parseFullIdentifier } from '@portal/search';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import { clientAddress } from './rate-limit.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

/** Identifier-shaped searches a client may send a minute (a person checks a few IDs, not hundreds). */
export const IDENTIFIER_QUERIES_PER_MIN = 20;

/**
 * A second, small budget for searches whose `q` is an ID number (full or masked) or a credit
 * code, apart from name searches: walking through candidate numbers is how identifiers are
 * harvested, and a person never needs more than a few. Burst of 10, refilled at 20 a minute.
 * Off with the other public limits (`RATE_LIMIT_PER_MIN=0`).
 */
export function identifierQueryLimit(
  enabled: boolean,
  store: RateLimitStore,
  now: () => number,
  proxies: BlockList,
): MiddlewareHandler {
  const bucket = { capacity: 10, refillPerMs: IDENTIFIER_QUERIES_PER_MIN / 60_000 };
  return async (c, next) => {
    const q = c.req.query('q');
    if (!enabled || !q || parseFullIdentifier(q) === null) return next();
    const result = await store.take(`id-query:${clientAddress(c, proxies)}`, bucket, now());
    if (!result.allowed) {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      throw new ApiError('RATE_LIMITED', {
        message: `按证件号码或信用代码查询过于频繁，请 ${seconds} 秒后再试。`,
        field: 'q',
        headers: { 'Retry-After': String(seconds) },
        details: { retryAfterSeconds: seconds },
      });
    }
    await next();
  };
}
