/**
 * A tiny static file server for the built site, sending the site's security headers, with an
 * optional handler for `/api/v1/*` (absent by default: those paths get a plain 404 like any
 * missing file).
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

function fileFor(root: string, pathname: string): string | null {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const base = join(root, rel);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** Serves `root` on a free localhost port. */
export async function serveStatic(
  root: string,
  opts: { headers?: Record<string, string>; api?: ApiHandler } = {},
): Promise<StaticServer> {
  const dir = root.endsWith(sep) ? root : root + sep;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/') && opts.api?.(req, res)) return;
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    const file = fileFor(dir, url.pathname);
    const target = file ?? join(dir, '404.html');
    res.statusCode = file ? 200 : 404;
    res.setHeader('content-type', TYPES[extname(target)] ?? 'application/octet-stream');
    res.end(readFileSync(target));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
