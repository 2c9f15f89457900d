import type { SearchResult } from '@portal/contract';
import { normalizeForSearch, parseFullIdentifier } from '@portal/search';

type Hits = Omit<SearchResult, 'representativeMatches'>['hits'];

/**
 * Ids of the organisations on this page that match `q` only through their legal representative's
 * name. A reader who searched a person's name must not take such a company's representative for
 * a listed defaulter (法发〔2019〕35号: representatives are not listed for the company's default),
 * so surfaces label these hits 命中：法定代表人. The search engine already ranks a name match above
 * a match in other fields, so the person's own listings come first.
 */
export function representativeOnlyMatches(q: string | undefined, hits: Hits): string[] {
  const needle = normalizeForSearch(q ?? '');
  if (needle === '' || parseFullIdentifier(q ?? '') !== null) return [];
  return hits
    .filter((hit) => {
      if (hit.kind !== 'org' || !hit.legalRepresentative) return false;
      if (!normalizeForSearch(hit.legalRepresentative).includes(needle)) return false;
      const ownFields = [hit.name, hit.caseNo, hit.uscc ?? ''];
      return !ownFields.some((field) => normalizeForSearch(field).includes(needle));
    })
    .map((hit) => hit.id);
}
