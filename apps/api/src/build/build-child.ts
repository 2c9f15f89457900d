import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Runs a build tool (`node <script> …`) in a child process that gets only PATH/HOME and
 * NODE_ENV=production — never the server's secrets — and is killed if the server exits first.
 * Rejects with the end of its stderr when it fails.
 */
export function runBuildChild(
  what: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: opts.cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        ...opts.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.on('error', reject);
    child.on('exit', (code) => {
      process.off('exit', kill);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${code}): ${stderr.slice(-2000)}`));
    });
  });
}

/**
 * Puts a finished build in place of the old one: the old folder is moved aside first and removed
 * after, so a request in between finds one whole build or the other. If another server finished
 * the same build first, its copy stays.
 */
export function replaceDir(staging: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  try {
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
}
