import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { renderDocsPage } from './docs-page.ts';
import { buildOpenApiDocument } from './document.ts';

/** `GET /api/v1/openapi.json` and a readable page at `/api/v1/docs`. */
export function registerOpenApi(app: Hono<AppEnv>): void {
  const document = buildOpenApiDocument();
  const page = renderDocsPage(document);
  app.get('/api/v1/openapi.json', (c) => c.json(document));
  app.get('/api/v1/docs', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(page);
  });
}
