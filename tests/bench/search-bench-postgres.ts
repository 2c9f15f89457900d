/**
 * The PostgreSQL `ILIKE` baseline of the search benchmark: one table with the public columns,
 * each query one statement doing the substring match, filters, total, four disjunctive facet
 * GROUP BYs and one ordered page of 20, the way a straightforward SQL implementation would.
 */

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { normalizeCaseNoFragment } from '@portal/domain';
import type { SearchDocument, SearchQuery } from '@portal/search';
import type postgres from 'postgres';

type Sql = ReturnType<typeof postgres>;

function* chunks(docs: Iterable<SearchDocument>): Generator<string> {
  let chunk = '';
  for (const doc of docs) {
    chunk += row(doc);
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const COLUMNS = `id text primary key, kind text not null, name text not null, gender text, age int,
  id_number_masked text, uscc text, legal_representative text, case_no text not null, court text not null,
  filed_at date, basis_issuer text, basis_doc_no text, obligation text, performance text, category int not null,
  category_label text, amount_owed_fen bigint not null, livelihood boolean not null, region text not null,
  listed_at date not null, term_ends_at date, demo boolean`;

function tsv(value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  return String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
  );
}

function row(d: SearchDocument): string {
  return `${[d.id, d.kind, d.name, d.gender, d.age, d.idNumberMasked, d.uscc, d.legalRepresentative, d.caseNo, d.court, d.filedAt, d.basisIssuer, d.basisDocNo, d.obligation, d.performance, d.category, d.categoryLabel, d.amountOwedFen, d.livelihood, d.region, d.listedAt, d.termEndsAt, d.demo].map(tsv).join('\t')}\n`;
}

/** Creates the table and COPYs the documents in; returns the load time in ms (COPY + ANALYZE). */
export async function loadPostgres(sql: Sql, docs: Iterable<SearchDocument>): Promise<number> {
  await sql.unsafe('drop table if exists bench_listings');
  await sql.unsafe(`create table bench_listings (${COLUMNS})`);
  const started = performance.now();
  const stream = await sql`copy bench_listings from stdin`.writable();
  await pipeline(Readable.from(chunks(docs)), stream);
  await sql.unsafe('analyze bench_listings');
  return performance.now() - started;
}

const FACET_COLUMNS = { category: 'category', region: 'region', kind: 'kind', court: 'court' } as const;
type Facet = keyof typeof FACET_COLUMNS;

/** SQL text and parameters of one benchmark query. */
export function toSql(query: SearchQuery): { text: string; params: (string | number | boolean)[] } {
  const params: (string | number | boolean)[] = [];
  const p = (v: string | number | boolean) => {
    params.push(v);
    return `$${params.length}`;
  };
  const q = normalizeCaseNoFragment(query.q ?? '');
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = q
    ? `where (${['name', 'case_no', 'legal_representative', 'uscc', 'id_number_masked'].map((c) => `${c} ilike ${p(like)}`).join(' or ')})`
    : '';
  const f = query.filters ?? {};
  const conds = (without?: Facet) => {
    const out: string[] = [];
    if (f.kind !== undefined && without !== 'kind') out.push(`kind = ${p(f.kind)}`);
    if (f.category !== undefined && without !== 'category') out.push(`category = ${p(f.category)}`);
    if (f.region !== undefined && without !== 'region') out.push(`region = ${p(f.region)}`);
    if (f.court !== undefined && without !== 'court') out.push(`court = ${p(f.court)}`);
    if (f.livelihood !== undefined) out.push(`livelihood = ${p(f.livelihood)}`);
    return out.length ? `where ${out.join(' and ')}` : '';
  };
  const sort = query.sort ?? 'relevance';
  const order =
    sort === 'relevance'
      ? q
        ? `(name = ${p(q)}) desc, (name like ${p(like.slice(1))}) desc, length(name), id`
        : 'listed_at desc, id'
      : {
          'amount:desc': 'amount_owed_fen desc, id',
          'amount:asc': 'amount_owed_fen, id',
          'listedAt:desc': 'listed_at desc, id',
          'listedAt:asc': 'listed_at, id',
        }[sort];
  const facet = (name: Facet) =>
    `(select json_object_agg(v, n) from (select ${FACET_COLUMNS[name]} v, count(*) n from m ${conds(name)} group by 1) x) as ${name}`;
  const text = `with m as materialized (select id, name, kind, category, region, court, livelihood, amount_owed_fen, listed_at from bench_listings ${match})
select (select count(*) from m ${conds()}) as total, ${(Object.keys(FACET_COLUMNS) as Facet[]).map(facet).join(', ')},
  (select json_agg(l) from (select b.* from (select id from m ${conds()} order by ${order} limit 20) o join bench_listings b using (id)) l) as hits`;
  return { text, params };
}

/** Runs the queries once each and returns their latencies in ms. */
export async function timePostgres(sql: Sql, queries: SearchQuery[]): Promise<number[]> {
  for (const query of queries.slice(0, 10)) await sql.unsafe(toSql(query).text, toSql(query).params);
  const times: number[] = [];
  for (const query of queries) {
    const { text, params } = toSql(query);
    const started = performance.now();
    await sql.unsafe(text, params);
    times.push(performance.now() - started);
  }
  return times;
}
