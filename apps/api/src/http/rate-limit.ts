import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { BucketSpec, RateLimitStore } from './rate-limit-store.ts';

export {
  createLeasedRateLimitStore,
  createMemoryRateLimitStore,
  createPostgresRateLimitStore,
  type RateLimitStore,
} from './rate-limit-store.ts';

/**
 * The bucket for `limitPerMin` requests a minute: refilled at that rate, holding a burst of a
 * fifteenth of it (200 at the default 3,000: four seconds at full rate). A person typing into the
 * instant search box (one request per pause) and paging never empties it; a script firing
 * searches as fast as it can is held to 50 a second after its first 200.
 * @example
 * bucketFor(3000) // { capacity: 200, refillPerMs: 0.05 }
 */
export function bucketFor(limitPerMin: number): BucketSpec {
  return {
    capacity: Math.min(limitPerMin, Math.max(20, Math.round(limitPerMin / 15))),
    refillPerMs: limitPerMin / 60_000,
  };
}

const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * `TRUST_PROXY`: comma-separated addresses or CIDR ranges of the reverse proxies in front of the
 * server. Throws on an entry that is neither, naming it.
 * @example
 * parseTrustedProxies('10.0.0.0/8, 127.0.0.1').check('10.1.2.3') // true
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = '', prefix] = raw.split('/');
    const family = isIP(address);
    if (!family || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`TRUST_PROXY: "${raw}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isTrusted(proxies: BlockList, address: string): boolean {
  const a = unmapped(address);
  const family = isIP(a);
  return family !== 0 && proxies.check(a, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Who the client is: the socket's address, or, when that address is a trusted proxy, the nearest
 * address in `X-Forwarded-For` that is not one (a client can prepend anything to the header, so
 * it is read from the right). Without trusted proxies the header is ignored.
 */
export function clientAddress(c: Context, proxies: BlockList): string {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket
  }
  if (!socket) return c.req.header('x-test-client') ?? 'local';
  if (!isTrusted(proxies, socket)) return unmapped(socket);
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(unmapped(hop))) break;
    if (!isTrusted(proxies, hop)) return unmapped(hop);
  }
  return unmapped(socket);
}

/** Paths no limit applies to: load balancers probe health all the time. */
const UNLIMITED = new Set(['/api/v1/health']);

/**
 * Token bucket per client (`bucketFor`); `limitPerMin = 0` disables it (bench). A refused request
 * answers 429 with `Retry-After`: the seconds until a token is back.
 */
export function rateLimit(
  limitPerMin: number,
  store: RateLimitStore,
  now: () => number,
  proxies: BlockList = new BlockList(),
): MiddlewareHandler {
  const bucket = bucketFor(limitPerMin);
  return async (c, next) => {
    if (limitPerMin <= 0 || UNLIMITED.has(c.req.path)) return next();
    const result = await store.take(`api:${clientAddress(c, proxies)}`, bucket, now());
    if (!result.allowed) {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      throw new ApiError('RATE_LIMITED', {
        message: `请求过于频繁，请 ${seconds} 秒后再试。`,
        headers: { 'Retry-After': String(seconds) },
        details: { retryAfterSeconds: seconds },
      });
    }
    await next();
  };
}
