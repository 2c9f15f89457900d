/** The embedded side of the search benchmark: build time, memory, latency over the query mix. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmbeddedSearchIndex, type SearchDocument, type SearchIndex, type SearchQuery } from '@portal/search';
import { BaselineEmbeddedSearchIndex } from './search-baseline/embedded-search-index.ts';

/**
 * `new`: the engine in packages/search; `baseline`: a frozen copy of it before issue 13; `ref`:
 * another commit's engine for a before/after run, from a scratch copy of its `packages/search/src`
 * named by `SEARCH_REF_SRC` (inside the repository, e.g. under the ignored bench-results/, so that
 * its imports resolve), made with
 * `git archive <commit> packages/search/src | tar -x -C bench-results/ref`.
 */
export type EngineName = 'new' | 'baseline' | 'ref';

type IndexClass = new (options: { hashIdentifier: (v: string) => string }) => SearchIndex;

async function refEngine(): Promise<IndexClass> {
  const dir = process.env.SEARCH_REF_SRC;
  if (!dir) throw new Error('engine ref: set SEARCH_REF_SRC to a copy of packages/search/src');
  const url = pathToFileURL(resolve(dir, 'embedded/embedded-search-index.ts')).href;
  return ((await import(url)) as { EmbeddedSearchIndex: IndexClass }).EmbeddedSearchIndex;
}

export async function createEngine(
  engine: EngineName,
  hashIdentifier: (v: string) => string,
): Promise<SearchIndex> {
  if (engine === 'ref') return new (await refEngine())({ hashIdentifier });
  return engine === 'baseline'
    ? new BaselineEmbeddedSearchIndex({ hashIdentifier })
    : new EmbeddedSearchIndex({ hashIdentifier });
}

const BATCH = 10_000;

export interface EmbeddedBuild {
  index: SearchIndex;
  buildMs: number;
  /** CPU time of the build (user + system of this process, GC threads included) */
  buildCpuMs: number;
  /** of `buildMs`: sort orders built after the load */
  prepareMs: number;
  /** RSS and heap + array buffers added by the index, MB (after a GC when `--expose-gc`) */
  rssMb: number;
  heapMb: number;
  sample: SearchDocument[];
}

function memory(): { rss: number; heap: number } {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.arrayBuffers };
}

/** Upserts the documents in batches of 10k, timing only the upserts; keeps ~1 % as a query sample. */
export async function buildEmbedded(
  docs: Iterable<SearchDocument>,
  hashIdentifier: (v: string) => string,
  engine: EngineName = 'new',
) {
  const before = memory();
  const index = await createEngine(engine, hashIdentifier);
  const sample: SearchDocument[] = [];
  let batch: SearchDocument[] = [];
  let buildMs = 0;
  let buildCpuMs = 0;
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const flush = async () => {
    const started = performance.now();
    const cpuStarted = cpuMs();
    await index.upsert(batch);
    buildMs += performance.now() - started;
    buildCpuMs += cpuMs() - cpuStarted;
    batch = [];
  };
  let i = 0;
  for (const doc of docs) {
    if (i++ % 97 === 0 && sample.length < 20_000) sample.push(doc);
    batch.push(doc);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  // the new engine builds its sort orders after a bulk load; that belongs to the build time
  const started = performance.now();
  const cpuStarted = cpuMs();
  (index as { prepare?: () => void }).prepare?.();
  const prepareMs = performance.now() - started;
  buildMs += prepareMs;
  buildCpuMs += cpuMs() - cpuStarted;
  const after = memory();
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  return {
    index,
    buildMs,
    buildCpuMs,
    prepareMs,
    rssMb: mb(after.rss - before.rss),
    heapMb: mb(after.heap - before.heap),
    sample,
  } satisfies EmbeddedBuild;
}

/** Runs the queries (after 20 warm-up queries) and returns their latencies in ms. */
export async function timeEmbedded(index: SearchIndex, queries: SearchQuery[]): Promise<number[]> {
  return (await timeEmbeddedWithCpu(index, queries)).wall;
}

/**
 * Wall-clock and CPU (user + system of this process) ms per query: on a machine shared with other
 * work the wall clock includes waiting for a core; the CPU time does not.
 */
export async function timeEmbeddedWithCpu(index: SearchIndex, queries: SearchQuery[]) {
  for (const query of queries.slice(0, 20)) await index.search(query);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const query of queries) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    await index.search(query);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/** The p-th percentile (0–100) of the latencies, nearest rank. */
export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
