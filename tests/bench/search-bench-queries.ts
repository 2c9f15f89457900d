/**
 * The fixed query mix of the search benchmark (same as the spike in SEARCH-AND-GRAPHICS-NOTES.md):
 * 40 % person names (2–3 characters), 10 % 2-character pieces of 3-character names, 20 % company
 * fragments, 30 % case-number fragments; 0–2 filters each; mostly relevance, some sorts.
 */
import type { SearchDocument, SearchQuery, SearchSort } from '@portal/search';
import { prng } from './search-bench-data.ts';

function caseFragment(caseNo: string, rand: () => number): string {
  const m = /^（(\d{4})）(琼\d*)(执恢?)(\d+)号$/.exec(caseNo);
  if (!m) return caseNo.slice(1, 7);
  const [, year, court, type, seq] = m as unknown as [string, string, string, string, string];
  const r = rand();
  if (r < 0.35) return `${type}${seq}`; // 执1234
  if (r < 0.6) return `(${year})${court}`; // (2017)琼9003 typed half-width
  if (r < 0.85) return `（${year}）${court}${type}${seq.slice(0, Math.max(1, seq.length - 1))}`;
  return `${court}${type}${seq}号`;
}

function filtersFor(doc: SearchDocument, rand: () => number): SearchQuery['filters'] {
  const n = Math.floor(rand() * 3);
  const pool: NonNullable<SearchQuery['filters']>[] = [
    { region: doc.region },
    { court: doc.court },
    { kind: doc.kind },
    { category: doc.category },
    { livelihood: doc.livelihood },
  ];
  const out: NonNullable<SearchQuery['filters']> = {};
  for (let i = 0; i < n; i++) Object.assign(out, pool[Math.floor(rand() * pool.length)]);
  return out;
}

const SORTS: SearchSort[] = [
  'relevance',
  'relevance',
  'relevance',
  'relevance',
  'amount:desc',
  'listedAt:desc',
];

/** `count` queries drawn from `sample` (documents of the indexed set), deterministic per seed. */
export function buildQueryMix(sample: SearchDocument[], count = 240, seed = 11): SearchQuery[] {
  const rand = prng(seed);
  const persons = sample.filter((d) => d.kind === 'person');
  const threeChar = persons.filter((d) => d.name.length === 3);
  const orgs = sample.filter((d) => d.kind === 'org');
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: SearchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const r = (i % 20) / 20; // exact proportions
    let doc: SearchDocument;
    let q: string;
    if (r < 0.4) {
      doc = pick(persons);
      q = doc.name;
    } else if (r < 0.5) {
      doc = pick(threeChar);
      q = rand() < 0.5 ? doc.name.slice(0, 2) : doc.name.slice(1);
    } else if (r < 0.7) {
      doc = pick(orgs);
      const start = 2 + Math.floor(rand() * 3);
      q = doc.name.slice(start, start + 2 + Math.floor(rand() * 3));
    } else {
      doc = pick(sample);
      q = caseFragment(doc.caseNo, rand);
    }
    out.push({ q, filters: filtersFor(doc, rand), sort: pick(SORTS), page: 1, pageSize: 20 });
  }
  return out;
}

/**
 * The first keystrokes of an instant search: surnames and short common fragments that match a
 * large share of all listings (issue 13).
 */
export const BROAD_TERMS = [
  '王',
  '陈',
  '林',
  '吴',
  '符',
  '李',
  '黄',
  '张',
  '公司',
  '海南',
  '有限',
  '执1',
  '琼9',
  '执恢',
];

const ALL_SORTS: SearchSort[] = ['relevance', 'amount:desc', 'amount:asc', 'listedAt:desc', 'listedAt:asc'];

/**
 * The broad mix: every term × every sort × 10 (page 1–20, page size 10–50) draws = 700 queries;
 * a third of the single-character ones carry 1–2 filters taken from a sample listing.
 */
export function buildBroadMix(sample: SearchDocument[], seed = 13): SearchQuery[] {
  const rand = prng(seed);
  const out: SearchQuery[] = [];
  for (const q of BROAD_TERMS)
    for (const sort of ALL_SORTS)
      for (let k = 0; k < 10; k++) {
        const page = 1 + Math.floor(rand() * 20);
        const pageSize = 10 + 10 * Math.floor(rand() * 5);
        let filters: SearchQuery['filters'] = {};
        if (q.length === 1 && rand() < 1 / 3) {
          const doc = sample[Math.floor(rand() * sample.length)]!;
          filters = filtersFor(doc, rand);
          if (Object.keys(filters ?? {}).length === 0) filters = { region: doc.region };
        }
        out.push({ q, filters, sort, page, pageSize });
      }
  // interleave terms so that consecutive queries do not share a term
  return out
    .map((query, i) => ({ query, key: (i % 50) * 1000 + Math.floor(i / 50) }))
    .sort((a, b) => a.key - b.key)
    .map((e) => e.query);
}

/**
 * `mix` walked so that no query repeats: each pass over it moves every query to another page
 * (`pages`) and page size (10–50), until `limit` distinct queries are found. Queries of the mix
 * that differ only by page and page size meet each other's variants, which are left out. The HTTP
 * bench's "computed" phases send these; `search-bench-tail.ts --mix walk` runs the broad one
 * in-process.
 */
export function distinctWalk(mix: SearchQuery[], pages: number[], limit = 150_000): SearchQuery[] {
  const seen = new Set<string>();
  const out: SearchQuery[] = [];
  for (let pass = 0; pass < pages.length * 41 && out.length < limit; pass++)
    for (const q of mix) {
      const page = pages[((q.page ?? 1) - 1 + pass) % pages.length]!;
      const pageSize = 10 + (((q.pageSize ?? 20) - 10 + Math.floor(pass / pages.length)) % 41);
      const key = JSON.stringify([q.q, q.filters, q.sort, page, pageSize]);
      if (seen.has(key) || out.length >= limit) continue;
      seen.add(key);
      out.push({ ...q, page, pageSize });
    }
  return out;
}
