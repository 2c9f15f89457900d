import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { serveApp } from '../http/serve-app.ts';

export interface LoopbackServer {
  base: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the app on a real socket (127.0.0.1, a free port): for tests of what only a socket has. */
export async function listenOnLoopback(app: Pick<Hono, 'fetch'>): Promise<LoopbackServer> {
  const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
