import { describe, expect, it } from 'vitest';
import { guardedPost } from './guarded-post.ts';
import { notifyReceiver } from './notify-test-receiver.ts';
import { REFUSED_PRIVATE, type ResolvedAddress } from './ssrf-guard.ts';

/** A resolver that answers from a script, one answer per call, and counts the calls. */
function scriptedResolver(...answers: string[][]) {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const next = answers[Math.min(calls.length - 1, answers.length - 1)] ?? [];
    return next.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

const post = (url: string, allowPrivate: boolean, resolve: ReturnType<typeof scriptedResolver>['resolve']) =>
  guardedPost(url, {
    body: '{}',
    headers: { 'content-type': 'application/json' },
    timeoutMs: 1500,
    allowPrivate,
    resolve,
  });

describe('SSRF guard on the connection', () => {
  it('refuses a name that resolves to 127.0.0.1 and never connects to it', async () => {
    const rx = await notifyReceiver();
    try {
      const dns = scriptedResolver(['127.0.0.1']);
      await expect(post(`http://hooks.court.test:${rx.port}/hook`, false, dns.resolve)).rejects.toThrow(
        REFUSED_PRIVATE,
      );
      expect(rx.received).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it('refuses a name when any one of its addresses is internal', async () => {
    const rx = await notifyReceiver();
    try {
      const dns = scriptedResolver(['203.0.113.5', '127.0.0.1']);
      await expect(post(`http://mixed.court.test:${rx.port}/hook`, false, dns.resolve)).rejects.toThrow(
        REFUSED_PRIVATE,
      );
      expect(rx.received).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it('resolves once: a name that turns to 127.0.0.1 after the check (rebinding) is never reached', async () => {
    const rx = await notifyReceiver();
    try {
      // first answer public (passes the check), every later one loopback
      const dns = scriptedResolver(['203.0.113.5'], ['127.0.0.1']);
      await expect(post(`http://rebind.court.test:${rx.port}/hook`, false, dns.resolve)).rejects.toThrow();
      expect(dns.calls).toEqual(['rebind.court.test']);
      expect(rx.received).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it('connects to the address the check saw (a name only the injected resolver knows reaches the receiver)', async () => {
    const rx = await notifyReceiver();
    try {
      const dns = scriptedResolver(['127.0.0.1']);
      const res = await post(`http://only-here.court.test:${rx.port}/hook`, true, dns.resolve);
      expect(res.status).toBe(200);
      expect(dns.calls).toEqual(['only-here.court.test']);
      expect(rx.at('/hook')).toHaveLength(1);
      expect(rx.at('/hook')[0]!.headers.host).toBe(`only-here.court.test:${rx.port}`);
    } finally {
      await rx.close();
    }
  });

  it('refuses an IP literal on loopback, and schemes other than http(s), before connecting', async () => {
    const rx = await notifyReceiver();
    try {
      const dns = scriptedResolver([]);
      await expect(post(`${rx.base}/hook`, false, dns.resolve)).rejects.toThrow(REFUSED_PRIVATE);
      await expect(post('file:///etc/passwd', true, dns.resolve)).rejects.toThrow(/refused scheme/);
      expect(rx.received).toEqual([]);
      expect(dns.calls).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it('does not follow a redirect: a 3xx is the answer', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await post(`http://127.0.0.1:${port}/hook`, true, scriptedResolver([]).resolve);
      expect(res.status).toBe(302);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
