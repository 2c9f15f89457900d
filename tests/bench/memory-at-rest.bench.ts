/**
 * Where the server's memory goes at rest with the demo data (PGlite, 2,000 demo listings): RSS,
 * V8's heap and where the resident pages lie (smaps-breakdown.ts: WebAssembly memories, malloc,
 * node binary, other anonymous memory) after each start-up stage, in one process started with
 * --expose-gc and `npm start`'s flags; then a real `npm start` process after it has served every
 * kind of page and idled: a first start with an empty compile cache (right after an install), a
 * first start, and a restart on the first one's data folder; and again after the screens'
 * renderer worker has been unloaded by its idle timeout.
 * Target: ≤ 300 MB RSS at rest. 2026-11-30, two runs, 2 cores shared with other work (load 4–9):
 * 269 MB on a first start with an empty compile cache, 245–272 MB on a first start (malloc'd
 * memory varies by ~25 MB from run to run), 230 MB on a restart
 * (318 MB before that day's `--v8-pool-size=1`, compile cache, drizzle resolve shortcut and lazy
 * sharp; 555 MB before the young-generation cap, the child-process cluster creation, the reopen
 * after seeding and the renderer process; README "Memory").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_IDLE_MS } from '../../apps/api/src/features/screens/graphics-renderer.ts';
import { freePort, startServer } from '../support/start-server.ts';
import { type SmapsBreakdown, smapsBreakdown } from './smaps-breakdown.ts';

const MB = (n: number) => Math.round(n / 1048576);

function snapshot(stage: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    stage,
    rssMB: MB(m.rss),
    v8HeapMB: MB(m.heapTotal),
    heapUsedMB: MB(m.heapUsed),
    ...where(smapsBreakdown()),
  };
}

/** The resident memory by kind (smaps-breakdown.ts), as table columns. */
function where(b: SmapsBreakdown) {
  return {
    // PGlite's (the large one, once open) and Node's TypeScript stripper's (~1 MB; not loaded
    // when every module comes from the compile cache)
    webAssemblyMB: b.wasmMB.join(' + ') || '0',
    mallocMB: b.mallocMB,
    nodeBinaryMB: b.nodeBinaryMB,
    librariesMB: b.sharedLibrariesMB,
    otherAnonMB: b.otherAnonymousMB,
  };
}

/** Runs in a child with --expose-gc so every figure is after a full collection. */
export async function stages(): Promise<ReturnType<typeof snapshot>[]> {
  const rows = [snapshot('node, nothing loaded')];
  // what main.ts does before it loads the server
  const { registerModuleShortcuts, moduleShortcutsTaken } = await import(
    '../../apps/api/src/module-shortcuts.ts'
  );
  registerModuleShortcuts();
  const { parseEnv } = await import('../../apps/api/src/env.ts');
  const { createLogger } = await import('../../apps/api/src/logger.ts');
  const { startRuntime } = await import('../../apps/api/src/runtime.ts');
  const { mountPublicSurfaces } = await import('../../apps/api/src/public-surfaces.ts');
  rows.push(
    snapshot(`server modules loaded (${moduleShortcutsTaken()} drizzle imports resolved by the shortcut)`),
  );
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

/**
 * A real `npm start` process at rest, after it served each kind of page: its RSS and where it
 * lies, then its RSS after the renderer's idle timeout. `compileCache`: the folder `npm start`
 * keeps compiled modules in (an empty one is a first start after an install or an update).
 */
async function realServerAtRest(dataDir: string, compileCache?: string) {
  const server = await startServer({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    ...(compileCache ? { NODE_COMPILE_CACHE: compileCache } : {}),
  });
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
    const pid = serverPid(server.dataDir);
    const drawn = { rssMB: MB(rssOf(pid)), ...where(smapsBreakdown(pid)) };
    // the renderer worker is terminated DEFAULT_IDLE_MS after the last render
    await new Promise((r) => setTimeout(r, DEFAULT_IDLE_MS + 5000));
    return { ...drawn, afterIdleTimeoutMB: MB(rssOf(pid)) };
  } finally {
    await server.stop();
  }
}

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** The node process serving this data dir (not npm, not its children). */
function serverPid(dataDir: string): number {
  const pids = execFileSync('pgrep', ['-f', `${dataDir}|apps/api/src/main.ts`])
    .toString()
    .trim()
    .split('\n');
  for (const pid of pids) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (
        argv[0]?.endsWith('node') &&
        argv.some((a) => a.endsWith('apps/api/src/main.ts')) &&
        environ.includes(dataDir)
      )
        return Number(pid);
    } catch {
      // gone
    }
  }
  throw new Error(`no server process for ${dataDir}`);
}

/** The node flags of `npm start` (package.json), so the in-process stages run like the server. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const m = / node ((?:--\S+ )*)apps\/api\/src\/main\.ts/.exec(pkg.scripts.start);
  if (!m) throw new Error('package.json start: no node command for apps/api/src/main.ts');
  return (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
}

export async function run() {
  const compileCache = mkdtempSync(join(tmpdir(), 'portal-mem-compile-cache-'));
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      ...startFlags(),
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(import.meta.filename)}); console.log(JSON.stringify(await m.stages()));`,
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    },
  );
  const rows = JSON.parse(out.trim().split('\n').pop() ?? '[]');
  console.log(
    'memory by start-up stage (one process, after gc, PGlite, 2,000 demo listings, first start, empty compile cache):',
  );
  console.table(rows);
  // a first start after an install (fresh DATA_DIR, empty compile cache), a first start with the
  // compile cache that one left, and a restart on the data folder of the first
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-mem-'));
  const real = [
    {
      start: 'first start, empty compile cache',
      ...(await realServerAtRest(dataDir, mkdtempSync(join(tmpdir(), 'portal-mem-cc-')))),
    },
    {
      start: 'first start',
      ...(await realServerAtRest(mkdtempSync(join(tmpdir(), 'portal-mem-')), compileCache)),
    },
    { start: 'restart', ...(await realServerAtRest(dataDir, compileCache)) },
  ];
  console.log('npm start at rest after serving every kind of page (MB; target ≤ 300 MB RSS):');
  console.table(real);
  return { stages: rows, real };
}

if (import.meta.main) await run();
