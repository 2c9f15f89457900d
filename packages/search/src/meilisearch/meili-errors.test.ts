import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeilisearchApiError, MeilisearchTaskTimeOutError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchError, SearchQueryError, SearchUnavailableError } from '../errors.ts';
import { createIdentifierHasher } from '../identifier.ts';
import { toSearchError } from './meili-errors.ts';
import { MeilisearchSearchIndex, startupTimeout } from './meilisearch-search-index.ts';

const hashIdentifier = createIdentifierHasher('unit-test-secret-0123456789');

function apiError(status: number, code: string) {
  return new MeilisearchApiError(new Response(null, { status }), {
    message: code,
    code,
    type: 'invalid_request',
    link: '',
  });
}

describe('Meilisearch error mapping', () => {
  it('reports a rejected request as an adapter failure (500), never as the user’s 400', () => {
    for (const code of ['invalid_search_filter', 'invalid_search_q', 'invalid_document_id']) {
      const mapped = toSearchError(apiError(400, code), 'search');
      expect(mapped).toBeInstanceOf(SearchError);
      expect(mapped).not.toBeInstanceOf(SearchQueryError);
      expect(mapped).not.toBeInstanceOf(SearchUnavailableError);
    }
  });

  it('reports server errors, a missing index, a refused key and non-JSON bodies as unavailable (503)', () => {
    expect(toSearchError(apiError(503, 'internal'), 'search')).toBeInstanceOf(SearchUnavailableError);
    expect(toSearchError(apiError(404, 'index_not_found'), 'search')).toBeInstanceOf(SearchUnavailableError);
    expect(toSearchError(apiError(403, 'invalid_api_key'), 'search')).toBeInstanceOf(SearchUnavailableError);
    expect(toSearchError(new SyntaxError('Unexpected token <'), 'search')).toBeInstanceOf(
      SearchUnavailableError,
    );
  });

  it('says which start-up task is still running when it outlasts the start-up timeout', () => {
    const error = startupTimeout('settings', 'listings_v3', new MeilisearchTaskTimeOutError(42, 120_000));
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect(error.message).toContain('settings task of index listings_v3');
    expect(error.message).toContain('task 42');
    expect(error.message).toContain('120000 ms');
  });
});

/**
 * What sits between the adapter and Meilisearch in production can fail on its own: a reverse
 * proxy answering with an HTML error page, or a connection that never answers. This local HTTP
 * server plays that proxy; it implements nothing of Meilisearch's API.
 */
describe('Meilisearch adapter behind a failing proxy', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/hang')) return; // never answers
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('turns an HTML 502 page into SearchUnavailableError, not a 500', async () => {
    const open = MeilisearchSearchIndex.open({ url, hashIdentifier });
    await expect(open).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(open).rejects.toThrow(/not JSON/);
  });

  it('gives up on a request that never answers after the request timeout', async () => {
    const started = Date.now();
    const open = MeilisearchSearchIndex.open({ url: `${url}/hang/`, hashIdentifier, requestTimeoutMs: 300 });
    await expect(open).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(open).rejects.toThrow(/timed out after 300ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
