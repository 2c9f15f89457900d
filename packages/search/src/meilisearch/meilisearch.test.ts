import { describe, expect, it } from 'vitest';
import { runSearchIndexContract } from '../contract.ts';
import { SearchUnavailableError } from '../errors.ts';
import { createIdentifierHasher } from '../identifier.ts';
import { newerOnly } from './meili-versions.ts';
import { MeilisearchSearchIndex } from './meilisearch-search-index.ts';

const url = process.env.MEILI_URL;

if (url) {
  runSearchIndexContract('meilisearch', async (options) => {
    const indexUid = `contract_${process.pid}_${Date.now()}`;
    const index = await MeilisearchSearchIndex.open({
      ...options,
      url,
      apiKey: process.env.MEILI_KEY,
      indexUid,
    });
    return { index, storedDocuments: () => index.storedDocuments() };
  });
} else {
  console.warn('[search] MEILI_URL is not set: the Meilisearch contract suite is skipped.');
  describe.skip('SearchIndex contract: meilisearch (set MEILI_URL to run)', () => {
    it('runs the contract against a real Meilisearch', () => {});
  });
}

describe('Meilisearch adapter without a server', () => {
  it('reports an unreachable server as SearchUnavailableError', async () => {
    const hashIdentifier = createIdentifierHasher('unit-test-secret-0123456789');
    const open = MeilisearchSearchIndex.open({
      url: 'http://127.0.0.1:9',
      hashIdentifier,
      taskTimeoutMs: 500,
    });
    await expect(open).rejects.toBeInstanceOf(SearchUnavailableError);
  });

  it('keeps only documents at least as new as the stored version, the newest per id', () => {
    const doc = (id: string, version: number) => ({ id, version }) as Parameters<typeof newerOnly>[0][number];
    const kept = newerOnly(
      [doc('a', 1), doc('a', 3), doc('b', 1), doc('c', 2)],
      new Map([
        ['b', 2],
        ['c', 2],
      ]),
    );
    expect(kept.map((d) => `${d.id}${d.version}`)).toEqual(['a3', 'c2']);
  });
});
