/**
 * One engine at one size, in its own process so that RSS belongs to that engine alone:
 *
 *   node --expose-gc tests/bench/search-bench-child.ts --engine new|baseline --size 1000000 [--queries 240]
 *
 * Prints one JSON line (`ChildResult`). Every answer is computed: the engines have no answer cache
 * (the new one keeps per-term structures; "afterWrite" measures a broad query right after a write,
 * when those are cold).
 */
import { parseArgs } from 'node:util';
import { createIdentifierHasher } from '@portal/search';
import { benchDocuments } from './search-bench-data.ts';
import { buildEmbedded, type EngineName, percentile, timeEmbedded } from './search-bench-embedded.ts';
import { buildBroadMix, buildQueryMix } from './search-bench-queries.ts';

export interface ChildResult {
  engine: EngineName;
  size: number;
  buildMs: number;
  rssMb: number;
  heapMb: number;
  peakRssMb: number;
  standard: { p50: number; p95: number; n: number };
  broad: { p50: number; p95: number; n: number };
  afterWrite: { p50: number; p95: number; n: number };
}

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'new' },
    size: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '240' },
  },
});
const engine = values.engine as EngineName;
const size = Number(values.size);
const hash = createIdentifierHasher('search-bench-secret-0123456789');

const built = await buildEmbedded(benchDocuments(size, hash), hash, engine);
const standardMix = buildQueryMix(built.sample, Number(values.queries));
const broadMix = buildBroadMix(built.sample);
const summary = (times: number[]) => ({
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  n: times.length,
});
const standard = summary(await timeEmbedded(built.index, standardMix));
const broad = summary(await timeEmbedded(built.index, broadMix));

// a broad query right after a write (a re-published listing): what per-term structures cost cold
const afterWriteTimes: number[] = [];
for (let i = 0; i < 28; i++) {
  const doc = built.sample[i % built.sample.length]!;
  await built.index.upsert([{ ...doc, version: doc.version + 1 + i }]);
  const query = broadMix[i]!;
  const started = performance.now();
  await built.index.search(query);
  afterWriteTimes.push(performance.now() - started);
}

const result: ChildResult = {
  engine,
  size,
  buildMs: built.buildMs,
  rssMb: built.rssMb,
  heapMb: built.heapMb,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  standard,
  broad,
  afterWrite: summary(afterWriteTimes),
};
console.log(JSON.stringify(result));
