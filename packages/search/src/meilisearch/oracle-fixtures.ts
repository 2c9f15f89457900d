/**
 * Inputs of the oracle tests: demo-data listings as the publisher would index them, fragment
 * queries cut from them, and a comparison of the adapter's answer (as the oracle predicts it)
 * with the embedded engine's.
 */
import { generateDemoListings } from '@portal/demo-data';
import { type ListingRecord, termEndsAt, toPublicListing } from '@portal/domain';
import type { EmbeddedSearchIndex } from '../embedded/embedded-search-index.ts';
import { normalizeForSearch } from '../normalize.ts';
import { MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from '../query.ts';
import type { SearchDocument } from '../search-index.ts';
import { type MeiliDocument, toMeiliDocument } from './meili-document.ts';
import { type MeiliOracle, parseAdapterQuery } from './meili-oracle.ts';
import { encodeQuery } from './meili-query-text.ts';
import { containsQuery, falsePositives, needsRecheck, RECHECK_LIMIT } from './meili-recheck.ts';

/** `count` demo listings as search documents, ids `D00000000`…, deterministic. */
export function demoDocuments(count: number, hash: (value: string) => string): SearchDocument[] {
  const out: SearchDocument[] = [];
  let i = 0;
  for (const draft of generateDemoListings({ count, seed: 7, today: '2026-11-27', withUnits: false })) {
    const record: ListingRecord = {
      ...draft,
      id: `D${String(i++).padStart(8, '0')}`,
      status: 'published',
      idNumber: draft.idNumber ?? null,
      gender: draft.gender ?? null,
      uscc: draft.uscc ?? null,
      legalRepresentative: draft.legalRepresentative ?? null,
      termEndsAt: termEndsAt(draft.category, draft.listedAt, draft.termExtensionYears ?? 0),
      unitId: null,
      removedAt: null,
      removalReason: null,
    };
    const identifier = draft.kind === 'person' ? draft.idNumber : draft.uscc;
    out.push({
      ...toPublicListing(record),
      version: 1,
      ...(identifier ? { identifierKey: hash(identifier) } : {}),
    });
  }
  return out;
}

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few traditional forms users type, to exercise normalisation on both sides. */
const TRADITIONAL: Record<string, string> = {
  伟: '偉',
  国: '國',
  华: '華',
  筑: '築',
  执: '執',
  号: '號',
  琼: '瓊',
  东: '東',
};

/**
 * Fragment queries cut from the documents, deterministic per seed: pieces of names (1–4
 * characters), of company names, case numbers (with and without brackets, full or half width),
 * legal representatives, credit codes and masked ID numbers (digit runs, the false-positive
 * risk), some in traditional characters.
 */
export function fragmentQueries(docs: SearchDocument[], count: number, seed = 11): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const piece = (text: string, min: number, max: number) => {
    const len = Math.min(text.length, min + Math.floor(rand() * (max - min + 1)));
    const start = Math.floor(rand() * (text.length - len + 1));
    return text.slice(start, start + len);
  };
  const out = new Set<string>();
  while (out.size < count) {
    const doc = pick(docs);
    const r = rand();
    let q: string;
    if (r < 0.25) q = piece(doc.name, 1, 4);
    else if (r < 0.35) q = doc.name;
    else if (r < 0.6) q = piece(doc.caseNo, 2, 12);
    else if (r < 0.65) q = rand() < 0.5 ? doc.caseNo : doc.caseNo.replace('（', '(').replace('）', ')');
    else if (r < 0.7) q = piece(doc.legalRepresentative ?? doc.name, 1, 3);
    else if (r < 0.85) q = piece(doc.uscc ?? doc.idNumberMasked ?? doc.caseNo, 3, 10);
    else q = piece(doc.idNumberMasked ?? doc.uscc ?? doc.caseNo, 3, 10);
    if (rand() < 0.1) q = [...q].map((c) => TRADITIONAL[c] ?? c).join('');
    if (normalizeForSearch(q) !== '') out.add(q);
  }
  return [...out];
}

/** Ids the embedded engine returns for `q`, in order (up to the result window). */
export async function embeddedIds(
  index: EmbeddedSearchIndex,
  q: string,
): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; (page - 1) * MAX_PAGE_SIZE < MAX_RESULT_WINDOW; page++) {
    const res = await index.search({ q, page, pageSize: MAX_PAGE_SIZE });
    total = res.total;
    ids.push(...res.hits.map((h) => h.id));
    if (ids.length >= total || res.hits.length === 0) break;
  }
  return { ids, total };
}

/** What the adapter would answer, predicted by the oracle: its pipeline with Meilisearch replaced. */
export function adapterIdsByOracle(oracle: MeiliOracle, q: string) {
  const normalized = normalizeForSearch(q);
  const encoded = encodeQuery(normalized);
  const raw = oracle.search(parseAdapterQuery(encoded.q));
  let exclude = new Set<string>();
  if (needsRecheck(normalized)) {
    const candidates = oracle.search(parseAdapterQuery(encoded.match)).slice(0, RECHECK_LIMIT);
    exclude = new Set(
      falsePositives(
        candidates.map((h) => h.doc as unknown as SearchDocument),
        normalized,
      ),
    );
  }
  const main = raw.filter((h) => !exclude.has(h.doc.id));
  const shown = needsRecheck(normalized)
    ? main.filter((h) => containsQuery(h.doc as unknown as SearchDocument, normalized))
    : main;
  return { raw: raw.map((h) => h.doc), ids: shown.map((h) => h.doc.id), total: main.length };
}

export interface Comparison {
  queries: number;
  /** listings the embedded engine finds and the adapter would not */
  misses: { q: string; id: string }[];
  /** listings Meilisearch's phrase match returns that the embedded engine does not (before re-check) */
  rawExtras: { q: string; doc: MeiliDocument }[];
  /** extras left after the adapter's re-check (must be none) */
  extras: { q: string; id: string }[];
  /** queries whose total differs (`candidates`: Meilisearch's phrase matches before the re-check) */
  totalMismatches: { q: string; embedded: number; adapter: number; candidates: number }[];
  /** queries whose order differs (same set) */
  orderMismatches: { q: string; embedded: string[]; adapter: string[] }[];
}

/** Compares each oracle's predicted adapter answers with the embedded engine's, query by query. */
export async function compare(embedded: EmbeddedSearchIndex, oracles: MeiliOracle[], queries: string[]) {
  const results: Comparison[] = oracles.map(() => ({
    queries: queries.length,
    misses: [],
    rawExtras: [],
    extras: [],
    totalMismatches: [],
    orderMismatches: [],
  }));
  for (const q of queries) {
    const want = await embeddedIds(embedded, q);
    const wantSet = new Set(want.ids);
    oracles.forEach((oracle, i) => {
      const c = results[i]!;
      const got = adapterIdsByOracle(oracle, q);
      const gotIds = got.ids.slice(0, MAX_RESULT_WINDOW);
      const gotSet = new Set(got.ids);
      if (want.total <= MAX_RESULT_WINDOW) {
        for (const id of want.ids) if (!gotSet.has(id)) c.misses.push({ q, id });
        for (const id of gotIds) if (!wantSet.has(id)) c.extras.push({ q, id });
        for (const doc of got.raw) if (!wantSet.has(doc.id)) c.rawExtras.push({ q, doc });
      }
      if (want.total !== got.total) {
        c.totalMismatches.push({ q, embedded: want.total, adapter: got.total, candidates: got.raw.length });
      } else if (want.ids.join() !== gotIds.slice(0, want.ids.length).join()) {
        c.orderMismatches.push({ q, embedded: want.ids, adapter: gotIds });
      }
    });
  }
  return results;
}

export function meiliDocuments(docs: SearchDocument[]): MeiliDocument[] {
  return docs.map(toMeiliDocument);
}
