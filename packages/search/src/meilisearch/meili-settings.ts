import type { Settings } from 'meilisearch';

/** Searchable fields in ranking order: name grams before other fields (`attributeRank`). */
export const SEARCHABLE_FIELDS = ['gName', 'uName', 'gRest', 'uRest', 'caseKey'] as const;

/**
 * Ranking, mirroring the embedded engine (exact name or exact case number → name prefix → inside
 * the name → other field; then shorter name; then id):
 * - `sort`: an explicit sort (amount, date) wins, with `id:asc` as its tie-break in the request;
 * - `words` with `matchingStrategy: 'last'`: the optional second query term is the case-number
 *   digest, so listings whose whole case number is the query come first;
 * - `attributeRank`: a match in the name before one in other fields (needs Meilisearch ≥ 1.36;
 *   older servers get `attribute`, which also weighs the match position: see README);
 * - `exactness`: the name equals the query, then starts with it (other fields open with a
 *   sentinel, so they never count);
 * - `nameLength:asc`, `id:asc`: shorter names, then id, as the embedded engine breaks ties.
 */
export function rankingRules(hasAttributeRank: boolean): string[] {
  return [
    'sort',
    'words',
    hasAttributeRank ? 'attributeRank' : 'attribute',
    'exactness',
    'nameLength:asc',
    'id:asc',
  ];
}

/** Default `pagination.maxTotalHits`: above any court's corpus, so totals are never capped. */
export const DEFAULT_MAX_TOTAL_HITS = 100_000_000;

/** Facet values returned per facet: every court of the country fits (about 3,500). */
export const MAX_VALUES_PER_FACET = 5_000;

/**
 * Index settings. Only the gram fields are searchable; the public fields are stored and returned
 * but never tokenized. Everything that would let Meilisearch match more loosely than the
 * embedded engine is off: typos, prefix search, stop words, synonyms, custom separators and
 * dictionaries. Proximity is kept per word (`byWord`): phrase matching relies on it.
 */
export function meiliSettings(options: { hasAttributeRank: boolean; maxTotalHits?: number }): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_FIELDS],
    displayedAttributes: ['*'],
    filterableAttributes: ['kind', 'category', 'region', 'court', 'livelihood', 'identifierKey', 'id'],
    sortableAttributes: ['amountOwedFen', 'listedAtDay', 'id', 'nameLength'],
    rankingRules: rankingRules(options.hasAttributeRank),
    distinctAttribute: null,
    typoTolerance: { enabled: false },
    prefixSearch: 'disabled',
    facetSearch: false,
    proximityPrecision: 'byWord',
    stopWords: [],
    synonyms: {},
    separatorTokens: [],
    nonSeparatorTokens: [],
    dictionary: [],
    localizedAttributes: [],
    pagination: { maxTotalHits: options.maxTotalHits ?? DEFAULT_MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}

/** The settings for a current server (≥ 1.36): what the oracle models. */
export const MEILI_SETTINGS: Settings = meiliSettings({ hasAttributeRank: true });

/** First Meilisearch version with the `attributeRank` ranking rule. */
export const ATTRIBUTE_RANK_SINCE = [1, 36] as const;
/** Oldest supported server: `prefixSearch`, `facetSearch` and the ranking rules used here. */
export const OLDEST_SUPPORTED = [1, 15] as const;

/** `[major, minor]` of a `pkgVersion` such as `1.36.2`, or null. */
export function parseVersion(pkgVersion: string): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)/.exec(pkgVersion);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function atLeast(version: readonly [number, number], floor: readonly [number, number]): boolean {
  return version[0] > floor[0] || (version[0] === floor[0] && version[1] >= floor[1]);
}
