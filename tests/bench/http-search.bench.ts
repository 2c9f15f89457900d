import { Agent, request } from 'node:http';
import { startServer } from '../support/start-server.ts';

const QUERIES = [
  '王',
  '陈国',
  '符',
  '建筑',
  '海南',
  '执1',
  '（2017）琼9003',
  '李娜',
  '吴',
  '房地产',
  '执恢',
  '张伟',
];

function get(agent: Agent, base: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: base.hostname, port: base.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * HTTP search throughput on loopback: the real server (`npm start`, embedded engines, rate limit
 * off) and a keep-alive client with fixed concurrency in this process. Both share the 2 cores, so
 * the figure is a floor.
 */
export async function run(opts: { records?: number; seconds?: number; concurrency?: number } = {}) {
  const records = opts.records ?? 20_000;
  const seconds = opts.seconds ?? 10;
  const concurrency = opts.concurrency ?? 16;
  const server = await startServer(
    { DEMO_RECORDS: String(records), RATE_LIMIT_PER_MIN: '0', SITE_BUILD: '0' },
    600_000,
  );
  try {
    const base = new URL(server.url);
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const latencies: number[] = [];
    let errors = 0;
    let i = 0;
    // warm-up
    for (const q of QUERIES) await get(agent, base, `/api/v1/search?q=${encodeURIComponent(q)}`);
    const deadline = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const q = QUERIES[i++ % QUERIES.length]!;
        const started = performance.now();
        const status = await get(agent, base, `/api/v1/search?q=${encodeURIComponent(q)}&page=1&pageSize=20`);
        latencies.push(performance.now() - started);
        if (status !== 200) errors++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    const result = {
      records,
      concurrency,
      requests: latencies.length,
      errors,
      reqPerSec: Math.round(latencies.length / elapsed),
      p50ms: Number(pct(0.5).toFixed(2)),
      p99ms: Number(pct(0.99).toFixed(2)),
    };
    console.log('\nHTTP search on loopback (target ≥ 2,000 req/s at p99 ≤ 50 ms)');
    console.table([result]);
    agent.destroy();
    return result;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
