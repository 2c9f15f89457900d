import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test notification receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A receiver on 127.0.0.1 that records every request and answers each path with its next planned
 * status (default 200; 企业微信 paths, ending in `wecom`, answer `errcode`).
 */
export async function notifyReceiver() {
  const received: Received[] = [];
  const plan: Record<string, number[]> = {};
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body });
      const status = plan[path]?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        path.endsWith('wecom') ? JSON.stringify({ errcode: status === 200 ? 0 : 1, errmsg: 'ok' }) : '{}',
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const at = (path: string) => received.filter((r) => r.path === path);
  const planFor = (path: string, ...statuses: number[]) => {
    plan[path] = [...(plan[path] ?? []), ...statuses];
  };
  return {
    received,
    port,
    base,
    at,
    planFor,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
