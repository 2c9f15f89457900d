import type { MiddlewareHandler } from 'hono';

/**
 * The one security-header policy of every response: API, site pages, `/screen`, `kiosk.js`,
 * docs, errors. It matches the site's `apps/web/security-headers.json` (a test keeps them
 * equal); a surface may set its own Content-Security-Policy (the kiosk draws blob: images, the
 * docs page inlines its style) and Permissions-Policy (the mini-program's H5 pages may ask for
 * the position once), everything else is the same everywhere, HSTS included.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** `/api/*` answers other origins too (the mini-program's H5 pages, CORS clients). */
const API_OVERRIDES: Readonly<Record<string, string>> = { 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** Each policy as [name, value, may the surface set its own] triples, built once. */
const entries = (policy: Readonly<Record<string, string>>) =>
  Object.entries(policy).map(
    // a surface may narrow or widen its CSP and Permissions-Policy (the H5 tip form's position)
    ([name, value]) =>
      [name, value, name === 'Content-Security-Policy' || name === 'Permissions-Policy'] as const,
  );
const SITE_POLICY = entries(SECURITY_HEADERS);
const API_POLICY = entries({ ...SECURITY_HEADERS, ...API_OVERRIDES });

/** Sets every header of the policy the route did not set itself (only CSP differs by surface). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const policy = c.req.path.startsWith('/api/') ? API_POLICY : SITE_POLICY;
    const headers = c.res.headers;
    for (const [name, value, ownAllowed] of policy) {
      if (ownAllowed && headers.has(name)) continue;
      headers.set(name, value);
    }
  };
}
