/**
 * `@portal/web/server`: what the portal's server needs from the site, with no file paths into
 * this package: the security headers, building the site (data-independent) and loading its
 * on-demand page renderer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import securityHeaders from '../security-headers.json' with { type: 'json' };
import type { PageLocals } from './page-locals.ts';

export type { PageLocals, SiteStats } from './page-locals.ts';

/** Headers (CSP, …) every site response carries. */
export const SITE_SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders;

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
// the CLI named by astro's own package.json `bin` (resolved from this package, not a path guess)
const ASTRO_PACKAGE_JSON = createRequire(import.meta.url).resolve('astro/package.json');
const ASTRO_BIN = join(
  dirname(ASTRO_PACKAGE_JSON),
  (JSON.parse(readFileSync(ASTRO_PACKAGE_JSON, 'utf8')) as { bin: { astro: string } }).bin.astro,
);

/**
 * A digest of everything the build reads (sources, config, Astro's version). The build takes no
 * data, so a build made for the same digest can be reused after a restart.
 */
export function siteSourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(relative(WEB_ROOT, full)).update('\0').update(readFileSync(full));
    }
  };
  for (const dir of ['src', 'server', 'public']) walk(join(WEB_ROOT, dir));
  for (const file of ['astro.config.ts', 'security-headers.json', 'package.json']) {
    hash.update(file).update(readFileSync(join(WEB_ROOT, file)));
  }
  hash.update(readFileSync(ASTRO_PACKAGE_JSON));
  return hash.digest('hex').slice(0, 16);
}

export interface SiteBuild {
  done: Promise<void>;
  /** Kills the build (and with it any file it was writing); `done` then rejects. */
  kill(): void;
}

/**
 * Runs `astro build` into `outDir` in a child process that gets an explicit minimal environment:
 * never the server's secrets (database URL, keys, tokens).
 */
export function buildSite(outDir: string): SiteBuild {
  const child: ChildProcess = spawn(process.execPath, [ASTRO_BIN, 'build', '--silent'], {
    cwd: WEB_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      SITE_OUT_DIR: resolve(outDir),
      ASTRO_TELEMETRY_DISABLED: '1',
      // Vite takes NODE_ENV from the environment; anything but `production` would ship React's
      // development build to visitors.
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so that killing it also ends the bundler's helper processes
    detached: true,
  });
  const killGroup = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // the build dies with the server, however the server ends (a second SIGTERM calls process.exit)
  process.once('exit', killGroup);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const done = new Promise<void>((resolveBuild, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.removeListener('exit', killGroup);
      if (code === 0) resolveBuild();
      else reject(new Error(`astro build ended with ${signal ?? code}:\n${tail}`));
    });
  });
  return {
    done,
    kill: killGroup,
  };
}

export interface SiteRenderer {
  /** Prerendered pages and assets, served as files. */
  clientDir: string;
  /** Renders an on-demand page (listing, home, stats); `undefined` for a path that has none. */
  renderPage(request: Request, locals: PageLocals): Promise<Response | undefined>;
}

/** Loads a finished build's renderer in this process. */
export async function loadSiteRenderer(outDir: string): Promise<SiteRenderer> {
  const entry = join(outDir, 'server', 'entry.mjs');
  if (!existsSync(entry)) throw new Error(`no site build at ${outDir}`);
  const mod = (await import(pathToFileURL(entry).href)) as Pick<SiteRenderer, 'renderPage'>;
  return { clientDir: join(outDir, 'client'), renderPage: mod.renderPage };
}
