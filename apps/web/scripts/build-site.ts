/**
 * Builds the site the way the server does: the `astro build` CLI with SITE_DATA_FILE and
 * SITE_OUT_DIR (telemetry off, so the build makes no outside request).
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO_BIN = resolve(WEB_ROOT, '../../node_modules/.bin/astro');

/** Runs `astro build`; resolves with the wall time in ms, rejects with the build's output on failure. */
export function buildSite(dataFile: string, outDir: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(ASTRO_BIN, ['build', '--silent'], {
      cwd: WEB_ROOT,
      env: {
        ...process.env,
        PATH: `${join(WEB_ROOT, '../../node_modules/.bin')}:${process.env.PATH ?? ''}`,
        SITE_DATA_FILE: dataFile,
        SITE_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        // Vite takes NODE_ENV from the environment: under a test runner (`test`) or a developer's
        // shell (`development`) it would bundle React's development build, twice the size.
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(performance.now() - started);
      else reject(new Error(`astro build exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
