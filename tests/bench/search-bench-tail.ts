/**
 * Which queries make a mix's tail: builds the new engine at one size, runs the standard (or broad)
 * mix as the search bench does, and prints the slowest queries with their candidate counts and
 * the path that served them. A diagnostic, not part of `npm run bench`:
 *
 *   node --expose-gc --max-old-space-size=8000 tests/bench/search-bench-tail.ts --size 3000000 [--mix standard|broad|walk] [--top 30] [--profile out.cpuprofile] [--engine new|ref|baseline]
 *
 * (`--engine ref` runs another commit's engine for a before/after, see search-bench-embedded.ts.)
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { createIdentifierHasher, normalizeForSearch, type SearchQuery } from '@portal/search';
import { benchDocuments } from './search-bench-data.ts';
import { buildEmbedded, type EngineName, percentile } from './search-bench-embedded.ts';
import { buildBroadMix, buildQueryMix, distinctWalk } from './search-bench-queries.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    mix: { type: 'string', default: 'standard' },
    queries: { type: 'string', default: '240' },
    top: { type: 'string', default: '30' },
    profile: { type: 'string' },
    engine: { type: 'string', default: 'new' },
  },
});
const size = Number(values.size);
const hash = createIdentifierHasher('search-bench-secret-0123456789');
const built = await buildEmbedded(benchDocuments(size, hash), hash, values.engine as EngineName);
console.log(
  `${values.engine}: built ${size.toLocaleString('en')} in ${(built.buildMs / 1000).toFixed(1)} s (cpu ${(built.buildCpuMs / 1000).toFixed(1)} s, prepare ${(built.prepareMs / 1000).toFixed(1)} s), RSS +${built.rssMb} MB`,
);
console.log('index', JSON.stringify((built.index as unknown as { stats?: () => object }).stats?.() ?? {}));
// walk: the HTTP bench's "broad computed" phase in-process (its first --queries distinct queries)
const mix =
  values.mix === 'broad'
    ? buildBroadMix(built.sample)
    : values.mix === 'walk'
      ? distinctWalk(
          buildBroadMix(built.sample),
          Array.from({ length: 20 }, (_, k) => k + 1),
          Number(values.queries),
        )
      : buildQueryMix(built.sample, Number(values.queries));

/** the engine's candidate count for a text (a diagnostic peek at a private part) */
const engine = built.index as unknown as {
  grams: { candidates(t: string, n: number, alive: undefined): Uint32Array | null };
  prepared?: { exact(t: string, alive: undefined): Uint32Array | null };
  columns: { length: number };
};
/** bigram candidates, or a prepared gram's exact list (marked `=`) */
const candidateCount = (q: string) => {
  const text = normalizeForSearch(q);
  if (text === '') return String(size);
  const exact = engine.prepared?.exact(text, undefined);
  if (exact) return `=${exact.length}`;
  return String(engine.grams.candidates(text, engine.columns.length, undefined)?.length ?? size);
};

// warm-up; for the walk as the HTTP bench does it (every broad query once, at page 20 of 50)
const warm =
  values.mix === 'walk'
    ? buildBroadMix(built.sample).map((q) => ({ ...q, page: 20, pageSize: 50 }))
    : mix.slice(0, 20);
for (const query of warm) await built.index.search(query);
const profiler = values.profile ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const rows: { ms: number; cpu: number; query: SearchQuery; candidates: string; total: number }[] = [];
for (const query of mix) {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const result = await built.index.search(query);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpuStarted);
  rows.push({ ms, cpu: (used.user + used.system) / 1000, query, candidates: '', total: result.total });
}
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(values.profile!, JSON.stringify(profile));
  console.log(`profile of the timed queries: ${values.profile}`);
}
for (const row of rows) row.candidates = candidateCount(row.query.q ?? '');
const wall = rows.map((r) => r.ms);
const cpu = rows.map((r) => r.cpu);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
// the mean is what a server's throughput follows; the percentiles what its users wait
console.log(
  `${values.mix} mix: p50 ${percentile(wall, 50).toFixed(2)} / p95 ${percentile(wall, 95).toFixed(2)} / p99 ${percentile(wall, 99).toFixed(2)} ms, mean ${mean(wall).toFixed(3)} ms; cpu p50 ${percentile(cpu, 50).toFixed(2)} / p95 ${percentile(cpu, 95).toFixed(2)} ms, mean ${mean(cpu).toFixed(3)} ms`,
);
rows.sort((a, b) => b.ms - a.ms);
for (const r of rows.slice(0, Number(values.top)))
  console.log(
    [
      r.ms.toFixed(1).padStart(7),
      r.cpu.toFixed(1).padStart(7),
      r.candidates.padStart(9),
      String(r.total).padStart(9),
      (r.query.sort ?? 'relevance').padEnd(13),
      JSON.stringify(r.query.filters ?? {}).padEnd(40),
      r.query.q,
    ].join(' '),
  );
