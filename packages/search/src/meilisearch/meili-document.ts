import { normalizeForSearch } from '../normalize.ts';
import { toStoredListing } from '../public-listing.ts';
import type { SearchDocument } from '../search-index.ts';
import { bigramTokens, caseKeyToken, SENTINEL, unigramTokens } from './gram-tokens.ts';

/**
 * Version of the document shape and settings. Part of the index uid (`listings_v4`): a change
 * makes the adapter open a new, empty index, which the publisher's reconcile pass fills from the
 * database (it sees no stored versions and upserts everything). Bump it whenever `toMeiliDocument`
 * or `MEILI_SETTINGS` change in a way stored documents cannot follow.
 */
export const DOCUMENT_SHAPE_VERSION = 4;

/** What one Meilisearch document holds: the public listing plus bookkeeping, never a clear ID. */
export interface MeiliDocument extends Record<string, unknown> {
  id: string;
  version: number;
  identifierKey?: string;
  /** days since 1970-01-01 of `listedAt`, for numeric sorting */
  listedAtDay: number;
  /** bigram tokens of the normalised name, space-separated (searchable) */
  gName: string;
  /** unigram tokens of the normalised name (searchable) */
  uName: string;
  /** the sentinel, then one item of bigram tokens per other field (searchable) */
  gRest: string[];
  /** the sentinel, then one item of unigram tokens per other field (searchable) */
  uRest: string[];
  /** digest token of the normalised case number: the exact-case-number tier (searchable) */
  caseKey?: string;
  /** UTF-16 length of the normalised name: shorter names first, as the embedded engine ranks */
  nameLength: number;
}

/** Days since 1970-01-01 of an ISO date (`listedAt`), for numeric sorting; 0 when unreadable. */
function dayNumber(date: string): number {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : 0;
}

/** The normalised texts a listing is found by: the embedded engine's haystack fields, name apart. */
export function searchableTexts(
  doc: Pick<
    SearchDocument,
    'name' | 'caseNo' | 'legalRepresentative' | 'uscc' | 'idNumberMasked' | 'orgCode'
  >,
) {
  return {
    name: normalizeForSearch(doc.name),
    caseNo: normalizeForSearch(doc.caseNo),
    rest: [doc.caseNo, doc.legalRepresentative, doc.uscc, doc.idNumberMasked, doc.orgCode]
      .map((field) => normalizeForSearch(field ?? ''))
      .filter((text) => text !== ''),
  };
}

/**
 * The Meilisearch form of a search document: the public fields as stored, not searchable, and
 * the gram fields Meilisearch searches (see gram-tokens.ts). Other fields are array items, which
 * Meilisearch places 8 positions apart, so no token pair forms across two fields.
 */
export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const listing = toStoredListing(doc);
  const texts = searchableTexts(listing);
  const caseKey = caseKeyToken(texts.caseNo);
  return {
    ...Object.fromEntries(Object.entries(listing).filter(([, v]) => v !== undefined)),
    id: listing.id,
    version: doc.version,
    ...(doc.identifierKey ? { identifierKey: doc.identifierKey } : {}),
    listedAtDay: dayNumber(listing.listedAt),
    gName: bigramTokens(texts.name).join(' '),
    uName: unigramTokens(texts.name).join(' '),
    gRest: [SENTINEL, ...texts.rest.filter((t) => t.length >= 2).map((t) => bigramTokens(t).join(' '))],
    uRest: [SENTINEL, ...texts.rest.map((t) => unigramTokens(t).join(' '))],
    ...(caseKey ? { caseKey } : {}),
    nameLength: texts.name.length,
  };
}
