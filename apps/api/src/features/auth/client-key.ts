import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The network a request comes from, for throttling: the IPv4 /24 or IPv6 /64 of the socket
 * address (one household or office shares a bucket; rotating addresses inside it does not help).
 * Callers store only a keyed hash of it, never the address.
 * UNFINISHED: X-Forwarded-For from TRUST_PROXY is handled by the public rate limiter; sign-in
 * throttling behind a proxy should use the same client identity once both live in http/.
 */
export function clientNetwork(c: Context): string {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket
    address = c.req.header('x-test-client') ?? 'local';
  }
  if (!address) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(address);
  if (v4) return `${v4[1]}.0/24`;
  if (address.includes(':')) return `${address.split(':').slice(0, 4).join(':')}::/64`;
  return address;
}
