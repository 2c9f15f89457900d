/** The built test site served with the security headers the real server sends. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_ROOT } from '../../scripts/build-site.ts';
import { type ApiHandler, type StaticServer, serveStatic } from './static-server.ts';

export const SECURITY_HEADERS = JSON.parse(
  readFileSync(join(WEB_ROOT, 'security-headers.json'), 'utf8'),
) as Record<string, string>;

export function serveSite(dist: string, api?: ApiHandler): Promise<StaticServer> {
  return serveStatic(dist, { headers: SECURITY_HEADERS, ...(api ? { api } : {}) });
}
