import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkedAddresses, guardedLookup, type Resolver } from './ssrf-guard.ts';

export interface GuardedPostOptions {
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
  resolve?: Resolver | undefined;
  /**
   * keep-alive sockets shared by the deliveries of ONE worker batch to ONE target (made with
   * `batchAgents`); without it, a fresh socket per delivery
   */
  agent?: HttpAgent | undefined;
}

/**
 * Keep-alive agents for one batch of deliveries: the sockets are connected through the guard
 * (same lookup, same policy) moments before they are reused, and all are closed when the batch
 * ends, so no socket outlives the rules it was resolved under. Saves a TCP handshake per message
 * when many tips are notified at once.
 */
export function batchAgents() {
  const agents = new Map<string, HttpAgent>();
  return {
    for(url: string): HttpAgent {
      const { origin, protocol } = new URL(url);
      let agent = agents.get(origin);
      if (!agent) {
        const options = { keepAlive: true, maxSockets: 1 };
        agent = protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
        agents.set(origin, agent);
      }
      return agent;
    },
    close(): void {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}

/**
 * POSTs to a notification target through the SSRF guard: the socket resolves the name with
 * `guardedLookup` (one resolution, every address checked, the connection made to a checked one);
 * an IP literal is checked before connecting (sockets skip lookup for literals). Redirects are
 * never followed (a 3xx is just a status). Resolves with the status and up to 64 KiB of the body.
 */
export async function guardedPost(
  url: string,
  opts: GuardedPostOptions,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new Error(`refused scheme ${target.protocol}`);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) await checkedAddresses(host, opts.allowPrivate);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...opts.headers, 'content-length': String(Buffer.byteLength(opts.body)) },
        lookup: guardedLookup(opts.allowPrivate, opts.resolve),
        // a fresh socket per delivery unless the caller shares one within a batch: a pooled one
        // could have been resolved under other rules
        agent: opts.agent ?? false,
        timeout: opts.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 65_536) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('receiver did not answer in time'), { name: 'TimeoutError' })),
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
