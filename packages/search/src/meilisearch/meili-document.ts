import type { Settings } from 'meilisearch';
import { dayNumber } from '../embedded/columns.ts';
import { normalizeForSearch } from '../normalize.ts';
import { toStoredListing } from '../public-listing.ts';
import { MAX_COUNTED_HITS } from '../query.ts';
import type { SearchDocument } from '../search-index.ts';

/** What one Meilisearch document holds: the public listing plus bookkeeping, never a clear ID. */
export interface MeiliDocument extends Record<string, unknown> {
  id: string;
  version: number;
  identifierKey?: string;
  /** days since 1970-01-01 of `listedAt`, for numeric sorting */
  listedAtDay: number;
  /** overlapping bigrams of the normalised name and legal representative, space-separated */
  nameGrams: string;
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/**
 * The Meilisearch form of a search document. `nameGrams` lets a 2-character fragment inside a
 * name (`伟明`, `金海`) match even where Meilisearch's Chinese segmentation made one longer word.
 */
export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const listing = toStoredListing(doc);
  const grams = [normalizeForSearch(listing.name), normalizeForSearch(listing.legalRepresentative ?? '')];
  return {
    ...Object.fromEntries(Object.entries(listing).filter(([, v]) => v !== undefined)),
    id: listing.id,
    version: doc.version,
    ...(doc.identifierKey ? { identifierKey: doc.identifierKey } : {}),
    listedAtDay: dayNumber(listing.listedAt),
    nameGrams: grams.flatMap(bigrams).join(' '),
  };
}

/**
 * Index settings. Ranking: an explicit sort first (no-op when none is asked), then all words,
 * exactness (the exact name above names containing it), attribute order (name before case
 * number…), proximity, typos. Typos are off for codes and case numbers, where a near miss is a
 * different listing.
 */
export const MEILI_SETTINGS: Settings = {
  searchableAttributes: ['name', 'nameGrams', 'caseNo', 'legalRepresentative', 'uscc', 'idNumberMasked'],
  filterableAttributes: ['kind', 'category', 'region', 'court', 'livelihood', 'identifierKey'],
  sortableAttributes: ['amountOwedFen', 'listedAtDay', 'id'],
  rankingRules: ['sort', 'words', 'exactness', 'attribute', 'proximity', 'typo'],
  typoTolerance: {
    disableOnAttributes: ['caseNo', 'uscc', 'idNumberMasked', 'nameGrams'],
    disableOnNumbers: true,
  },
  localizedAttributes: [
    { attributePatterns: ['name', 'nameGrams', 'caseNo', 'legalRepresentative'], locales: ['cmn'] },
  ],
  pagination: { maxTotalHits: MAX_COUNTED_HITS },
  faceting: { maxValuesPerFacet: 500 },
};
