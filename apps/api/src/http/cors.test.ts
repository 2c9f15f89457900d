import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { corsForPublicApi } from './cors.ts';

const SITE = 'https://shixin.example.gov.cn';
const H5 = 'https://h5.example.cn';

function app() {
  const env = parseEnv({ SITE_URL: `${SITE}/`, CORS_ORIGINS: `${H5}, ` });
  const a = new Hono();
  a.use('/api/*', corsForPublicApi(env));
  a.get('/api/v1/search', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.body('{"hits":[]}', 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });
  a.get('/api/v1/missing', (c) => c.json({ error: { code: 'NOT_FOUND' } }, 404));
  return a;
}

describe('CORS of the public API', () => {
  it('lets a listed origin read an answer, which keeps its own headers and body', async () => {
    for (const origin of [SITE, H5]) {
      const res = await app().request('/api/v1/search', { headers: { Origin: origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('vary')).toBe('Origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(await res.text()).toBe('{"hits":[]}');
    }
  });

  it('gives another origin, or none, no Allow-Origin but still says the answer varies by origin', async () => {
    for (const headers of [{ Origin: 'https://evil.example' }, {}]) {
      const res = await app().request('/api/v1/search', { headers });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('vary')).toBe('Origin');
    }
  });

  it('adds the headers to error answers too', async () => {
    const res = await app().request('/api/v1/missing', { headers: { Origin: H5 } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe(H5);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('answers a preflight from a listed origin with the allowed methods and headers, and refuses others', async () => {
    const ok = await app().request('/api/v1/search', {
      method: 'OPTIONS',
      headers: { Origin: H5, 'Access-Control-Request-Method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(H5);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(ok.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization,Idempotency-Key');
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    const refused = await app().request('/api/v1/search', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
