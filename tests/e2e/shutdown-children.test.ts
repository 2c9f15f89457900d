/**
 * The server's children die with it: a stop (even a second SIGTERM at once) during the site build
 * leaves no build process running or writing into DATA_DIR, and the build never sees the
 * server's secrets.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/start-server.ts';

const MAIN = fileURLToPath(new URL('../../apps/api/src/main.ts', import.meta.url));
const SECRETS = {
  STAFF_BOOTSTRAP_TOKEN: 'shutdown-test-staff-token-0123456789',
  IDENTIFIER_HMAC_KEY: 'shutdown-test-identifier-key-0123456789',
  CONTACT_ENCRYPTION_KEY: 'shutdown-test-contact-key-0123456789',
};

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  const taskDir = `/proc/${pid}/task`;
  let tasks: string[];
  try {
    tasks = readdirSync(taskDir);
  } catch {
    return out; // the process has ended
  }
  for (const task of tasks) {
    let text: string;
    try {
      text = readFileSync(join(taskDir, task, 'children'), 'utf8').trim();
    } catch {
      continue; // the thread (or the process) ended between the listing and the read
    }
    if (text) out.push(...text.split(/\s+/).map(Number));
  }
  return out;
}

function descendantsOf(pid: number): number[] {
  const all: number[] = [];
  for (const child of childrenOf(pid)) all.push(child, ...descendantsOf(child));
  return all;
}

/** A process that still runs (zombies, already dead, do not count). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

function treeSnapshot(dir: string): string {
  const lines: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else lines.push(`${full} ${s.size} ${s.mtimeMs}`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return lines.sort().join('\n');
}

async function until(ms: number, check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(process.platform !== 'linux')('server children on shutdown', () => {
  it('two SIGTERMs during the site build end the build at once; it never saw the secrets', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-sigterm-'));
    const server = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DEMO_RECORDS: '0',
        LOG_LEVEL: 'warn',
        ...SECRETS,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stderr.on('data', (d: Buffer) => {
      output += d;
    });
    const exited = new Promise<number | null>((r) => server.on('exit', (code) => r(code)));
    const pid = server.pid!;
    let build: number[] = [];
    await until(120_000, () => {
      build = descendantsOf(pid);
      return build.some((p) => isRunning(p) && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('astro'));
    });
    // the build's environment is explicit and minimal: none of the server's secrets
    for (const p of build.filter(isRunning)) {
      const environ = readFileSync(`/proc/${p}/environ`, 'utf8');
      for (const secret of Object.values(SECRETS)) expect(environ).not.toContain(secret);
      expect(environ).not.toMatch(/(^|\0)(DATABASE_URL|MEILI_KEY|STAFF_BOOTSTRAP_TOKEN)=/);
    }
    await new Promise((r) => setTimeout(r, 1500)); // let the build write for a moment
    build = descendantsOf(pid); // bundler helpers started meanwhile
    server.kill('SIGTERM');
    server.kill('SIGTERM');
    await exited;
    await until(2000, () => build.every((p) => !isRunning(p)));
    const before = treeSnapshot(join(dataDir, 'site'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(treeSnapshot(join(dataDir, 'site')), output).toBe(before);
  });
});
