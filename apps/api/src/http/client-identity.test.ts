import { backends } from '@portal/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_FAILURE_LIMIT } from '../features/auth/login-throttle.ts';
import { listenOnLoopback } from '../testing/listen-on-loopback.ts';
import { openTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { addressPrefix } from './client-identity.ts';

const [pglite] = backends();

describe('addressPrefix', () => {
  it('groups client addresses by /24 and /64', () => {
    expect(addressPrefix('203.0.113.7')).toBe('203.0.113.0/24');
    expect(addressPrefix('::ffff:203.0.113.7')).toBe('203.0.113.0/24');
    expect(addressPrefix('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressPrefix('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});

describe('sign-in throttle behind the court reverse proxy (one client identity for every limit)', () => {
  let t: TestRuntime;
  let close: () => Promise<void>;
  afterEach(async () => {
    await close();
    await t.close();
  });

  async function listen(env: Record<string, string>) {
    t = await openTestRuntime(pglite!, env);
    const { base, close: stop } = await listenOnLoopback(t.rt.app);
    close = stop;
    return (xff: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': xff },
        body: JSON.stringify({ username: 'nobody.here', password: 'guessing-password' }),
      }).then((r) => r.status);
  }

  it('throttles the guessing citizen, not the colleague behind the same proxy', async () => {
    const signIn = await listen({ TRUST_PROXY: '127.0.0.1' });
    for (let i = 0; i < CLIENT_FAILURE_LIMIT; i++) expect(await signIn('198.51.100.7')).toBe(401);
    expect(await signIn('198.51.100.7')).toBe(429);
    expect(await signIn('203.0.113.5')).toBe(401);
  });

  it('without a trusted proxy the header is ignored: the socket is the client', async () => {
    const signIn = await listen({});
    for (let i = 0; i < CLIENT_FAILURE_LIMIT; i++) expect(await signIn(`198.51.100.${i}`)).toBe(401);
    expect(await signIn('203.0.113.5')).toBe(429);
  });
});
