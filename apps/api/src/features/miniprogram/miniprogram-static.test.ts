import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../context.ts';
import { securityHeaders } from '../../http/security-headers.ts';
import { mountMiniprogram } from './miniprogram-static.ts';

const INLINE = '!function(){document.documentElement.style.fontSize="20px"}()';

function h5Build(): string {
  const parent = mkdtempSync(join(tmpdir(), 'mp-h5-'));
  writeFileSync(join(parent, 'secret.txt'), 'TOP-SECRET');
  const dir = join(parent, 'h5');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><script>${INLINE}</script></html>`,
  );
  mkdirSync(join(dir, 'js'));
  writeFileSync(join(dir, 'js', 'app.1234abcd.js'), 'console.log(1)');
  return dir;
}

function appFor(distDir: string) {
  const app = new Hono<AppEnv>();
  mountMiniprogram(app, { headers: () => ({ 'X-Frame-Options': 'DENY' }), distDir });
  return app;
}

describe('H5 build at /m/', () => {
  it('serves the index with a CSP that allows exactly its inline script', async () => {
    const res = await appFor(h5Build()).request('/m/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('lang="zh-CN"');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('lets only its own pages ask for the position (the tip form), nothing else on the origin', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', securityHeaders());
    mountMiniprogram(app, { headers: () => ({}), distDir: h5Build() });
    app.get('/api/v1/x', (c) => c.json({}));
    app.get('/search', (c) => c.html('<p>site</p>'));
    const page = (await app.request('/m/')).headers.get('Permissions-Policy') ?? '';
    expect(page).toContain('geolocation=(self)');
    expect(page).toContain('camera=()');
    for (const path of ['/api/v1/x', '/search', '/m/js/app.1234abcd.js'])
      expect((await app.request(path)).headers.get('Permissions-Policy'), path).toContain('geolocation=()');
  });

  it('serves hashed assets as immutable JavaScript', async () => {
    const res = await appFor(h5Build()).request('/m/js/app.1234abcd.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/javascript');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
  });

  it('answers the index for unknown paths and never a file outside the build', async () => {
    const app = appFor(h5Build());
    const res = await app.request('/m/pages/search/index');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<!doctype html>');
    for (const path of ['/m/../secret.txt', '/m/%2e%2e/secret.txt', '/m/js/..%2f..%2fsecret.txt']) {
      expect(await (await app.request(path)).text(), path).not.toContain('TOP-SECRET');
    }
  });

  it('redirects /m to /m/', async () => {
    const res = await appFor(h5Build()).request('/m');
    expect(res.status).toBe(301);
    expect(res.headers.get('Location')).toBe('/m/');
  });

  it('says how to build it when the build is missing', async () => {
    const res = await appFor(join(tmpdir(), 'no-such-build')).request('/m/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:h5');
  });
});
