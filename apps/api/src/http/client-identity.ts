import { BlockList } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { clientAddress } from './rate-limit.ts';

/**
 * Works out once per request who the client is (the socket address, or behind a `TRUST_PROXY`
 * the nearest untrusted `X-Forwarded-For` hop) so that every limit — public rate limit, sign-in
 * throttle, tip and receipt throttles — counts the same person, and none of them lumps every
 * citizen behind the court's reverse proxy into one bucket.
 */
export function clientIdentity(proxies: BlockList): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientAddress', clientAddress(c, proxies));
    await next();
  };
}

/** The client's address as `clientIdentity` found it (no proxy trusted if it did not run). */
export function clientAddressOf(c: Context): string {
  return (c.get('clientAddress') as string | undefined) ?? clientAddress(c, new BlockList());
}

/** The client's network limits apply to: one household or office, see `addressPrefix`. */
export function clientNetworkOf(c: Context): string {
  return addressPrefix(clientAddressOf(c));
}

/**
 * The part of a client address limits apply to: /24 for IPv4, /64 for IPv6 (one household;
 * rotating addresses inside it does not help). Callers store only a keyed hash of it.
 * @example
 * addressPrefix('203.0.113.7') // '203.0.113.0/24'
 */
export function addressPrefix(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (address.includes(':')) {
    const [head] = address.split('::');
    const groups = (head ?? '').split(':').filter(Boolean);
    while (groups.length < 4) groups.push('0');
    return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return address;
}
