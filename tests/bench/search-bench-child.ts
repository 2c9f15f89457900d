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
import { buildEmbedded, type EngineName, percentile, timeEmbeddedWithCpu } from './search-bench-embedded.ts';
import { buildBroadMix, buildQueryMix } from './search-bench-queries.ts';

/** wall-clock and CPU-time percentiles, ms */
export interface Latency {
  p50: number;
  p95: number;
  cpuP50: number;
  cpuP95: number;
  n: number;
}

export interface ChildResult {
  engine: EngineName;
  size: number;
  buildMs: number;
  buildCpuMs: number;
  prepareMs: number;
  rssMb: number;
  heapMb: number;
  peakRssMb: number;
  standard: Latency;
  broad: Latency;
  afterWrite: Latency;
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
const summary = ({ wall, cpu }: { wall: number[]; cpu: number[] }): Latency => ({
  p50: percentile(wall, 50),
  p95: percentile(wall, 95),
  cpuP50: percentile(cpu, 50),
  cpuP95: percentile(cpu, 95),
  n: wall.length,
});
const standard = summary(await timeEmbeddedWithCpu(built.index, standardMix));
const broad = summary(await timeEmbeddedWithCpu(built.index, broadMix));

// a broad query right after a write (a re-published listing): what per-term structures cost cold
const afterWriteTimes = { wall: [] as number[], cpu: [] as number[] };
for (let i = 0; i < 28; i++) {
  const doc = built.sample[i % built.sample.length]!;
  await built.index.upsert([{ ...doc, version: doc.version + 1 + i }]);
  const query = broadMix[i]!;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  await built.index.search(query);
  afterWriteTimes.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpuStarted);
  afterWriteTimes.cpu.push((used.user + used.system) / 1000);
}

const result: ChildResult = {
  engine,
  size,
  buildMs: built.buildMs,
  buildCpuMs: built.buildCpuMs,
  prepareMs: built.prepareMs,
  rssMb: built.rssMb,
  heapMb: built.heapMb,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  standard,
  broad,
  afterWrite: summary(afterWriteTimes),
};
console.log(JSON.stringify(result));
