/**
 * `npm start`: prepares the process, then loads the server (serve-portal.ts) dynamically, so that
 * what is set up here applies to every module the server loads (static imports would all be
 * resolved before this code runs). Memory at rest: README "Memory".
 */
import cluster from 'node:cluster';
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerModuleShortcuts } from './module-shortcuts.ts';

// Node's TypeScript stripper is a WebAssembly module of its own (~15 MB resident once loaded), and
// every start would strip and compile the whole server again: the compile cache keeps the stripped
// and compiled code on disk (keyed by each file's content), so a later start loads neither.
// `npm start` sets NODE_COMPILE_CACHE, which covers this file too; a bare
// `node apps/api/src/main.ts` gets the cache from here on.
const cacheDir = resolve(
  process.env.NODE_COMPILE_CACHE ||
    fileURLToPath(new URL('../../../node_modules/.cache/node-compile-cache', import.meta.url)),
);
if (!process.env.NODE_COMPILE_CACHE) enableCompileCache(cacheDir);
// child processes (first PGlite creation, site build, slide renderer) share it, wherever they run
process.env.NODE_COMPILE_CACHE = cacheDir;
registerModuleShortcuts();
// PORTAL_PROCESSES > 1 (checked in full by env.ts there): this process only starts and watches the
// server processes, and loads none of the server's modules (process-primary.ts)
if (cluster.isPrimary && Number(process.env.PORTAL_PROCESSES || 1) > 1)
  await (await import('./process-primary.ts')).startPrimary();
else await import('./serve-portal.ts');
