/**
 * Where the server's memory goes at rest with the demo data (PGlite, 2,000 demo listings): RSS
 * and V8 figures after each start-up stage, in one process started with --expose-gc, then the
 * RSS of a real `npm start` process after it has served every kind of page and idled, and again
 * after the screens' renderer worker has been unloaded by its idle timeout.
 * Target: ≤ 300 MB RSS at rest. UNFINISHED: a first start (fresh DATA_DIR) measured 287 MB at
 * rest on 2026-11-30 before that day's merges and 318 MB after them (the WeChat, campaign, audit
 * and media features add ~13 MB of modules; the index snapshot's first write the rest); it was
 * 339–555 MB before the young-generation cap, the child-process cluster creation, the reopen
 * after seeding and the renderer process (README "Memory"). What remains: server code ~100 MB
 * over bare Node (drizzle-orm's ESM build alone ~75 MB: Node 24 parses its 180 KB package.json
 * again for each of its modules), PGlite's heap ~140 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_IDLE_MS } from '../../apps/api/src/features/screens/graphics-renderer.ts';
import { freePort, startServer } from '../support/start-server.ts';

const MB = (n: number) => Math.round(n / 1048576);

function snapshot(stage: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    stage,
    rssMB: MB(m.rss),
    heapUsedMB: MB(m.heapUsed),
    externalMB: MB(m.external),
    arrayBuffersMB: MB(m.arrayBuffers),
  };
}

/** Runs in a child with --expose-gc so every figure is after a full collection. */
export async function stages(): Promise<ReturnType<typeof snapshot>[]> {
  const rows = [snapshot('node, nothing loaded')];
  const { parseEnv } = await import('../../apps/api/src/env.ts');
  const { createLogger } = await import('../../apps/api/src/logger.ts');
  const { startRuntime } = await import('../../apps/api/src/runtime.ts');
  const { mountPublicSurfaces } = await import('../../apps/api/src/public-surfaces.ts');
  rows.push(snapshot('server modules loaded'));
  const env = parseEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-mem-')), LOG_LEVEL: 'warn' });
  const runtime = await startRuntime(env, createLogger('warn'));
  rows.push(snapshot('PGlite open, 2,000 demo listings seeded, embedded index built'));
  const surfaces = mountPublicSurfaces(runtime, () => {});
  await surfaces.ready;
  rows.push(snapshot('site renderer loaded (build reused or made)'));
  const app = runtime.app;
  const { hits } = (await (await app.request('/api/v1/search?q=&pageSize=50')).json()) as {
    hits: { id: string }[];
  };
  await app.request('/');
  await app.request('/stats/');
  for (const h of hits) await (await app.request(`/listings/${h.id}/`)).text();
  rows.push(snapshot('home, stats and 50 listing pages rendered (page cache)'));
  await (await app.request('/api/v1/screens/stats.png')).arrayBuffer();
  await (await app.request('/api/v1/screens/board.json')).arrayBuffer();
  rows.push(snapshot('screens: stats slide rendered (fonts loaded)'));
  await new Promise((r) => setTimeout(r, 3000));
  rows.push(snapshot('at rest (3 s idle, after gc; renderer worker still loaded)'));
  // what the idle timeout does (DEFAULT_IDLE_MS after the last render)
  await runtime.deps.screens.close();
  await new Promise((r) => setTimeout(r, 1000));
  rows.push(snapshot('renderer worker unloaded (as after its idle timeout)'));
  await surfaces.stop();
  await runtime.close();
  return rows;
}

/** RSS of a real `npm start` process at rest, after it served each kind of page. */
async function realServerAtRest() {
  const server = await startServer({ PORT: String(await freePort()) });
  try {
    const get = (p: string) => fetch(new URL(p, server.url)).then((r) => r.arrayBuffer());
    const { hits } = (await (await fetch(new URL('/api/v1/search?q=&pageSize=50', server.url))).json()) as {
      hits: { id: string }[];
    };
    await get('/');
    await get('/stats/');
    for (const h of hits) await get(`/listings/${h.id}/`);
    await get('/api/v1/screens/stats.png');
    await get('/search/');
    await new Promise((r) => setTimeout(r, 5000));
    const drawn = rssOf(server.dataDir);
    // the renderer worker is terminated DEFAULT_IDLE_MS after the last render
    await new Promise((r) => setTimeout(r, DEFAULT_IDLE_MS + 5000));
    return { rssMB: MB(drawn), idleRssMB: MB(rssOf(server.dataDir)) };
  } finally {
    await server.stop();
  }
}

/** RSS of the node process serving this data dir (not npm). */
function rssOf(dataDir: string): number {
  const pids = execFileSync('pgrep', ['-f', `${dataDir}|apps/api/src/main.ts`])
    .toString()
    .trim()
    .split('\n');
  let rss = 0;
  for (const pid of pids) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (
        argv[0]?.endsWith('node') &&
        argv.some((a) => a.endsWith('apps/api/src/main.ts')) &&
        environ.includes(dataDir)
      ) {
        rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      }
    } catch {
      // gone
    }
  }
  return rss;
}

export async function run() {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-semi-space-size=8',
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(import.meta.filename)}); console.log(JSON.stringify(await m.stages()));`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const rows = JSON.parse(out.trim().split('\n').pop() ?? '[]');
  console.log('memory by start-up stage (in process, after gc; PGlite, 2,000 demo listings):');
  console.table(rows);
  const real = await realServerAtRest();
  console.log(`npm start at rest after serving pages: ${real.rssMB} MB RSS (target ≤ 300 MB)`);
  console.log(`npm start at rest after the renderer's idle timeout: ${real.idleRssMB} MB RSS`);
  return { stages: rows, real };
}

if (import.meta.main) await run();
