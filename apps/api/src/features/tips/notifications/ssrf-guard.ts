import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';

/**
 * Refuses notification targets on loopback, private, link-local and other internal ranges (SSRF),
 * unless the court allowed them (`TIP_NOTIFY_ALLOW_PRIVATE=1`). A name is resolved once, every
 * address it resolves to is checked, and the connection goes to a checked address (`guardedLookup`
 * is the socket's `lookup`): a name that answers a public address to the check and a private one
 * to the connection (DNS rebinding) has no second resolution to exploit.
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Name resolution (`dns.lookup` with `all: true`); tests inject their own. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export const REFUSED_PRIVATE =
  'refused target: private or loopback address (set TIP_NOTIFY_ALLOW_PRIVATE=1 to allow)';

/** The addresses of `host` (an IP literal or a name, resolved once), all checked; throws when one is internal. */
export async function checkedAddresses(
  host: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  const addresses = family !== 0 ? [{ address: bare, family }] : await resolve(bare);
  if (addresses.length === 0) throw new Error(`refused target: ${bare} has no address`);
  if (!allowPrivate && addresses.some((a) => isInternalAddress(a.address))) throw new Error(REFUSED_PRIVATE);
  return addresses;
}

/**
 * A socket `lookup` that answers only checked addresses: the connection cannot use an address the
 * check did not see. Handles both call shapes Node uses (`all: true` with happy eyeballs, or one).
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(hostname, allowPrivate, resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        if (usable.length === 0) {
          callback(
            Object.assign(new Error(`no IPv${wanted} address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(Object.assign(error, { code: 'EREFUSED' }), '', 0),
    );
  };
}

/** Throws when `url` is not http(s) or resolves to an internal address (unless allowed). */
export async function assertPublicTarget(
  url: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`refused scheme ${parsed.protocol}`);
  await checkedAddresses(parsed.hostname, allowPrivate, resolve);
}
