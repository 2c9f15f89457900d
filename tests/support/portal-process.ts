import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './start-server.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PortalProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, exactly like a power cut of the process */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The API server as its own process (`node apps/api/src/main.ts`, no npm in between), so a test
 * can kill -9 the very process that acknowledged requests.
 */
export async function startPortalProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<PortalProcess> {
  const port = env.PORT ?? String(await freePort());
  let out = '';
  // the flags of `npm start` (package.json): see the memory note in README.md
  const flags = ['--max-semi-space-size=8', '--v8-pool-size=1'];
  const child = spawn(process.execPath, [...flags, 'apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SITE_BUILD: '0',
      DEMO_RECORDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
