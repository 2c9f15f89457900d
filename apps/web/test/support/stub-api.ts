/**
 * A stand-in for the lead's API, for rendering tests of this app only (the real end-to-end tests
 * run against the real server): search over the fixture, listing status, correction requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublicListing } from '@portal/domain';
import type { ApiHandler } from './static-server.ts';

function send(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
  return true;
}

function envelope(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field ? { field } : {}), requestId: 'stub' } };
}

function count(listings: PublicListing[], key: (l: PublicListing) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of listings) out[key(l)] = (out[key(l)] ?? 0) + 1;
  return out;
}

function search(listings: PublicListing[], p: URLSearchParams) {
  const q = p.get('q') ?? '';
  const hits = listings.filter(
    (l) =>
      (!q || l.name.includes(q) || l.caseNo.includes(q)) &&
      (!p.get('kind') || l.kind === p.get('kind')) &&
      (!p.get('category') || String(l.category) === p.get('category')) &&
      (!p.get('region') || l.region === p.get('region')) &&
      (!p.get('court') || l.court === p.get('court')) &&
      (p.get('livelihood') !== 'true' || l.livelihood),
  );
  const page = Number(p.get('page') ?? '1');
  const pageSize = Number(p.get('pageSize') ?? '20');
  return {
    hits: hits.slice((page - 1) * pageSize, page * pageSize),
    total: hits.length,
    page,
    pageSize,
    facets: {
      category: count(hits, (l) => String(l.category)),
      region: count(hits, (l) => l.region),
      kind: count(hits, (l) => l.kind),
      court: count(hits, (l) => l.court),
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/** Handler for `serveStatic({ api })`; ids in `removed` answer 404 like a delisted record. */
export function stubApi(listings: PublicListing[], removed: ReadonlySet<string> = new Set()): ApiHandler {
  const published = listings.filter((l) => !removed.has(l.id));
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/v1/search') return send(res, 200, search(published, url.searchParams));
    const m = /^\/api\/v1\/listings\/([^/]+)$/.exec(url.pathname);
    if (m) {
      const found = published.find((l) => l.id === decodeURIComponent(m[1] ?? ''));
      return found
        ? send(res, 200, found)
        : send(res, 404, envelope('LISTING_NOT_FOUND', '该信息已依法删除或不再公布。'));
    }
    if (url.pathname === '/api/v1/corrections' && req.method === 'POST') {
      void readBody(req).then((text) => {
        const body = JSON.parse(text) as { listingId?: string };
        if (!published.some((l) => l.id === body.listingId)) {
          send(
            res,
            422,
            envelope('LISTING_NOT_FOUND', '没有找到正在公布的这条记录，请核对记录编号。', 'listingId'),
          );
        } else {
          send(res, 201, { id: 'c1', receiptCode: 'JZ-2026-000123', reviewDeadline: '2026-12-14' });
        }
      });
      return true;
    }
    return send(res, 404, envelope('NOT_FOUND', '没有这个接口。'));
  };
}
