import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../logger.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../../web', import.meta.url));
const ASTRO_BIN = fileURLToPath(new URL('../../../../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface SiteSnapshot {
  generatedAt: string;
  listings: unknown[];
  stats: unknown;
}

export interface SiteBuilder {
  /** Folder currently served at `/`, or undefined before the first build. */
  current(): string | undefined;
  /** Build now and wait (start-up). */
  buildNow(): Promise<void>;
  /** Debounced rebuild after publish/remove changes. */
  schedule(): void;
  stop(): Promise<void>;
}

/**
 * Builds the static Astro site from a snapshot of the public read model into a fresh folder and
 * switches to it only when the build succeeded, so visitors never see a half-written site.
 */
export function createSiteBuilder(opts: {
  dataDir: string;
  logger: Logger;
  snapshot: () => Promise<SiteSnapshot>;
  debounceMs?: number;
  onBuilt?: (dir: string) => void;
}): SiteBuilder {
  const root = resolve(opts.dataDir, 'site');
  let currentDir: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function build(): Promise<void> {
    await mkdir(root, { recursive: true });
    const stamp = `${Date.now()}`;
    const dataFile = join(root, `snapshot-${stamp}.json`);
    const outDir = join(root, `build-${stamp}`);
    const started = performance.now();
    await writeFile(dataFile, JSON.stringify(await opts.snapshot()));
    await runAstroBuild(dataFile, outDir, opts.logger);
    const previous = currentDir;
    currentDir = outDir;
    opts.onBuilt?.(outDir);
    opts.logger.info({ ms: Math.round(performance.now() - started), outDir }, 'site built');
    await rm(dataFile, { force: true });
    await pruneOldBuilds(root, new Set([outDir, previous ?? '']));
  }

  function run(): Promise<void> {
    if (building) {
      again = true;
      return building;
    }
    building = build()
      .catch((error) => opts.logger.error({ err: error }, 'site build failed; keeping the previous site'))
      .finally(() => {
        building = undefined;
        if (again && !stopped) {
          again = false;
          void run();
        }
      });
    return building;
  }

  return {
    current: () => currentDir,
    buildNow: run,
    schedule() {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), opts.debounceMs ?? 3000);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (building) await building;
    },
  };
}

async function pruneOldBuilds(root: string, keep: Set<string>) {
  for (const name of await readdir(root)) {
    const full = join(root, name);
    if (name.startsWith('build-') && !keep.has(full)) await rm(full, { recursive: true, force: true });
  }
}

function runAstroBuild(dataFile: string, outDir: string, logger: Logger): Promise<void> {
  if (!existsSync(join(WEB_ROOT, 'astro.config.mjs')) && !existsSync(join(WEB_ROOT, 'astro.config.ts'))) {
    return Promise.reject(new Error(`no Astro project at ${WEB_ROOT}`));
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--root', WEB_ROOT, '--silent'], {
      env: {
        ...process.env,
        SITE_DATA_FILE: dataFile,
        SITE_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        // Vite takes NODE_ENV from the environment; anything but `production` (a developer's
        // shell, a test runner) would ship React's development build to visitors.
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolvePromise();
      else {
        logger.error({ code, output: tail }, 'astro build failed');
        reject(new Error(`astro build exited with ${code}`));
      }
    });
  });
}
