import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';

/**
 * Where request counts live. The embedded default keeps them in memory; several API processes
 * behind a load balancer need a shared store (e.g. PostgreSQL or Redis) behind this port.
 */
export interface RateLimitStore {
  /** Adds one hit for `key` in the window starting at `windowStart`; returns the new count. */
  hit(key: string, windowStart: number): number;
}

export function createMemoryRateLimitStore(): RateLimitStore {
  let currentWindow = 0;
  let counts = new Map<string, number>();
  return {
    hit(key, windowStart) {
      if (windowStart !== currentWindow) {
        currentWindow = windowStart;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n;
    },
  };
}

function clientKey(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket: all such requests share one bucket.
    return c.req.header('x-test-client') ?? 'local';
  }
}

/**
 * Fixed one-minute windows per client address; `limitPerMin = 0` disables the limit (bench).
 * Answers 429 with `Retry-After` in seconds until the window ends.
 */
export function rateLimit(limitPerMin: number, store: RateLimitStore, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    if (limitPerMin <= 0) return next();
    const t = now();
    const windowStart = Math.floor(t / 60_000) * 60_000;
    const count = store.hit(clientKey(c), windowStart);
    if (count > limitPerMin) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + 60_000 - t) / 1000));
      throw new ApiError('RATE_LIMITED', { headers: { 'Retry-After': String(retryAfter) } });
    }
    await next();
  };
}
