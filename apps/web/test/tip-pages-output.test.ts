/**
 * What the tip and 悬赏 pages cost a phone: JavaScript loaded up front, gzipped. React (~44 KB)
 * is most of it; no zod ships (light route entries, checks from the domain's limits). A listing
 * page loads the 悬赏 check only once idle, so its up-front JavaScript stays small.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pageJsGzipBytes } from './support/dist-files.ts';

const { dist } = inject('webSite');

describe('tip pages output', () => {
  it('tip form, look-up and 悬赏 pages each load at most 64 KB of JavaScript gzipped, like the search page', () => {
    for (const page of ['report', 'report/status', 'rewards', 'rewards/notice']) {
      const { total, files } = pageJsGzipBytes(dist, `${page}/index.html`);
      console.info(`${page}: ${files.length} files = ${total} bytes gzipped`);
      expect(total, page).toBeLessThanOrEqual(64 * 1024);
    }
  });

  it('a listing page does not load the API client up front for its 悬赏 link', () => {
    const id = readdirSync(join(dist, 'listings'))[0] ?? '';
    const { total } = pageJsGzipBytes(dist, `listings/${id}/index.html`);
    console.info(`listing page: ${total} bytes gzipped`);
    expect(total).toBeLessThanOrEqual(4 * 1024);
  });
});
