import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../normalize.ts';
import { resolveQuery } from '../query.ts';
import type { SearchQuery } from '../search-index.ts';
import { buildQueries } from './meili-query.ts';
import { encodeQuery } from './meili-query-text.ts';
import { needsRecheck } from './meili-recheck.ts';
import { atLeast, MEILI_SETTINGS, meiliSettings, parseVersion, rankingRules } from './meili-settings.ts';
import { versionedIndexUid } from './meilisearch-search-index.ts';

/** The searches of the contract suite, as the adapter sends them. */
const CONTRACT_SEARCHES: SearchQuery[] = [
  ...['伟明', '王', '建筑', '金海', '执1234', '(2017)琼9003', '（2017）琼9003执12', '执357', '伟王'].map(
    (q) => ({ q }),
  ),
  ...['王偉明', '金海建築', '王伟', '赵<b>六', '周旧', '敏华', '执8888'].map((q) => ({ q })),
  { q: '王', filters: { region: '儋州市' } },
  { filters: { kind: 'org' } },
  { filters: { kind: 'person', livelihood: true, category: 2 } },
  { sort: 'amount:desc', pageSize: 3 },
  { q: '王', sort: 'amount:asc', pageSize: 1 },
  { sort: 'listedAt:asc', pageSize: 1 },
  { sort: 'amount:desc', page: 2, pageSize: 3 },
];

function sent(query: SearchQuery, exclude: string[] = []) {
  const resolved = resolveQuery(query);
  const normalized = normalizeForSearch(resolved.q);
  const text = normalized === '' ? null : encodeQuery(normalized);
  return buildQueries('listings_v3', resolved, text, { identifierKey: null, exclude }).queries;
}

describe('Meilisearch settings', () => {
  it('searches the gram fields only, ranks like the embedded engine, matches nothing loosely', () => {
    expect(MEILI_SETTINGS).toMatchInlineSnapshot(`
      {
        "dictionary": [],
        "displayedAttributes": [
          "*",
        ],
        "distinctAttribute": null,
        "facetSearch": false,
        "faceting": {
          "maxValuesPerFacet": 5000,
        },
        "filterableAttributes": [
          "kind",
          "category",
          "region",
          "court",
          "livelihood",
          "identifierKey",
          "id",
        ],
        "localizedAttributes": [],
        "nonSeparatorTokens": [],
        "pagination": {
          "maxTotalHits": 100000000,
        },
        "prefixSearch": "disabled",
        "proximityPrecision": "byWord",
        "rankingRules": [
          "sort",
          "words",
          "attributeRank",
          "exactness",
          "nameLength:asc",
          "id:asc",
        ],
        "searchableAttributes": [
          "gName",
          "uName",
          "gRest",
          "uRest",
          "caseKey",
        ],
        "separatorTokens": [],
        "sortableAttributes": [
          "amountOwedFen",
          "listedAtDay",
          "id",
          "nameLength",
        ],
        "stopWords": [],
        "synonyms": {},
        "typoTolerance": {
          "enabled": false,
        },
      }
    `);
  });

  it('falls back to `attribute` where `attributeRank` does not exist (before 1.36)', () => {
    expect(rankingRules(false)).toEqual([
      'sort',
      'words',
      'attribute',
      'exactness',
      'nameLength:asc',
      'id:asc',
    ]);
    expect(meiliSettings({ hasAttributeRank: true, maxTotalHits: 2_000_000 }).pagination).toEqual({
      maxTotalHits: 2_000_000,
    });
  });

  it('reads server versions and versions the index uid by document shape', () => {
    expect(parseVersion('1.36.2')).toEqual([1, 36]);
    expect(parseVersion('v1.15.0-rc.1')).toEqual([1, 15]);
    expect(parseVersion('nightly')).toBeNull();
    expect(atLeast([1, 36], [1, 36])).toBe(true);
    expect(atLeast([1, 35], [1, 36])).toBe(false);
    expect(atLeast([2, 0], [1, 36])).toBe(true);
    expect(versionedIndexUid('listings')).toBe('listings_v4');
  });
});

describe('Meilisearch queries', () => {
  it('sends each contract search as one phrase of gram tokens plus the case-number term', () => {
    expect(CONTRACT_SEARCHES.map((query) => ({ query, sent: sent(query) }))).toMatchSnapshot();
  });

  it('never sends Chinese text or more than two terms to Meilisearch', () => {
    for (const query of CONTRACT_SEARCHES) {
      for (const { q } of sent(query)) {
        expect(q ?? '').toMatch(/^(|"[0-9a-z ]+" "k[0-9a-f]{16}")$/);
      }
    }
  });

  it('encodes by length: one unigram, one bigram, or a phrase of bigrams (a 99-unit query too)', () => {
    expect(encodeQuery('王').match).toBe('"u738b"');
    expect(encodeQuery('王伟').match).toBe('"b738b4f1f"');
    expect(encodeQuery('王伟明').match).toBe('"b738b4f1f b4f1f660e"');
    expect(encodeQuery('1'.repeat(99)).match.split(' ')).toHaveLength(98);
    expect(() => encodeQuery('')).toThrow(RangeError);
  });

  it('excludes re-checked false positives by id in the page and in every facet query', () => {
    const queries = sent({ q: '91460000', filters: { region: '海口市' } }, ['D1', 'D"2']);
    expect(queries).toHaveLength(2);
    for (const query of queries) expect(query.filter).toContain('id NOT IN ["D1", "D\\"2"]');
  });

  it('re-checks exactly the queries whose phrase match can be loose', () => {
    expect(['王', '王伟', '王伟明', '2017', '执12'].map(needsRecheck)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['1001', '6000', '2017琼', '91460000'].map(needsRecheck)).toEqual([true, true, true, true]);
  });
});
