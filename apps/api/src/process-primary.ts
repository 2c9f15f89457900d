/**
 * `PORTAL_PROCESSES=N` (N > 1): `npm start` becomes the primary of N server processes (node:cluster
 * workers running serve-portal.ts) that share the port. The primary serves nothing and loads none of
 * the server's modules: it accepts connections and hands them to the workers in turn (cluster's
 * round-robin), so that N cores answer searches. Each worker holds its own search index and caches
 * and follows the change feed on PostgreSQL like any second server (tests/e2e/multi-process.test.ts).
 *
 * What must happen once per DATA_DIR, not N times at once, is settled here:
 * - the secrets generated into DATA_DIR when not configured are created before any worker starts
 *   (N workers would each generate their own and disagree);
 * - worker 1 starts alone (migrations, demo seed, site and console builds, the index snapshot) and
 *   the others once it answers: they find the builds done and may load its snapshot;
 * - only worker 1 writes the index snapshot (serve-portal.ts), whichever process is replaced;
 * - a stop (SIGTERM/SIGINT) is passed to every worker, and the primary exits once they all did.
 * A worker that dies after it answered is started again in its slot (at most 5 times in 10 min);
 * one that fails to start stops them all.
 */
import cluster, { type Worker } from 'node:cluster';
import { type Env, parseEnv } from './env.ts';
import { SERVER_SECRET_NAMES, serverSecret } from './secrets/secrets.ts';

/** Messages between the primary and its workers (over cluster's IPC channel). */
export type WorkerMessage = { type: 'portal:ready'; url: string };
export type PrimaryMessage = { type: 'portal:shutdown' };

/** Why a process mode cannot run, as a machine code and a message for the operator (zh-CN). */
export function processModeProblem(env: Env): { code: string; message: string } | undefined {
  if (env.PORTAL_PROCESSES > 1 && !env.DATABASE_URL)
    return {
      code: 'PROCESSES_NEED_POSTGRES',
      message: `PORTAL_PROCESSES=${env.PORTAL_PROCESSES} 需要 PostgreSQL（DATABASE_URL）：内置数据库 PGlite 只能由一个进程打开。请设置 DATABASE_URL，或去掉 PORTAL_PROCESSES 以单进程运行。`,
    };
  return undefined;
}

/**
 * The secrets a server generates into DATA_DIR when they are not configured (`serverSecret`,
 * secrets.ts), created now so that every worker reads the same files.
 */
export function prepareSharedSecrets(env: Env): void {
  for (const which of SERVER_SECRET_NAMES) serverSecret(env, which);
}

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;
/** Longer than a worker's own shutdown timeout (serve-portal.ts, 10 s). */
const STOP_TIMEOUT_MS = 15_000;

export async function runPrimary(env: Env): Promise<void> {
  const say = (msg: string) => process.stderr.write(`${msg}\n`);
  const problem = processModeProblem(env);
  if (problem) throw new Error(`${problem.message}（${problem.code}）`);
  prepareSharedSecrets(env);

  const count = env.PORTAL_PROCESSES;
  const workers = new Map<number, Worker>();
  const restarts: number[] = [];
  let closing = false;
  let exitCode = 0;

  /** Resolves with the worker's URL once it listens; rejects if it exits before. */
  function start(slot: number): Promise<string> {
    const worker = cluster.fork({ PORTAL_PROCESS_SLOT: String(slot) });
    workers.set(slot, worker);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (msg: WorkerMessage) => {
        if (msg?.type !== 'portal:ready') return;
        ready = true;
        resolve(msg.url);
      });
      // an IPC failure must not end the primary (an EventEmitter's unheard 'error' throws)
      worker.on('error', (err: Error) => say(`进程 ${slot}：${err.message}`));
      worker.on('exit', (code, signal) => {
        if (workers.get(slot) === worker) workers.delete(slot);
        if (!ready) {
          reject(new Error(`进程 ${slot} 未能启动（${signal ?? `退出码 ${code}`}）。`));
          return;
        }
        if (closing) return;
        const now = Date.now();
        restarts.push(now);
        while (restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length > MAX_RESTARTS) {
          say(
            `进程 ${slot} 意外退出（${signal ?? `退出码 ${code}`}），10 分钟内已重启 ${MAX_RESTARTS} 次，停止服务。`,
          );
          void stopAll(1);
          return;
        }
        say(`进程 ${slot} 意外退出（${signal ?? `退出码 ${code}`}），正在重新启动…`);
        start(slot).then(
          () => say(`进程 ${slot} 已重新启动。`),
          (err: Error) => {
            if (closing) return; // stopped while it started
            say(`启动失败：${err.message}`);
            void stopAll(1);
          },
        );
      });
    });
  }

  /** Asks every worker to stop, waits for them (SIGKILL after STOP_TIMEOUT_MS), then exits. */
  async function stopAll(code: number): Promise<void> {
    exitCode = Math.max(exitCode, code);
    if (closing) return;
    closing = true;
    const exits = [...workers.values()].map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once('exit', (c) => {
            if (c) exitCode = Math.max(exitCode, 1);
            resolve();
          });
          // a closed channel (the worker is going already) gets a signal instead
          if (!w.isConnected()) w.process.kill('SIGTERM');
          else
            w.send({ type: 'portal:shutdown' } satisfies PrimaryMessage, undefined, (err) => {
              if (err) w.process.kill('SIGTERM');
            });
        }),
    );
    setTimeout(() => {
      say('关闭超时，强制结束各进程。');
      for (const w of workers.values()) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await Promise.all(exits);
    process.exit(exitCode);
  }

  const onSignal = () => {
    // a second signal: the workers were asked already; a signal now ends them at once (each
    // ends its own children on the way out)
    if (closing) {
      for (const w of workers.values()) w.process.kill('SIGTERM');
      return;
    }
    void stopAll(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  say(`正在启动 ${count} 个服务进程（先启动进程 1，它就绪后再启动其余进程）…`);
  try {
    const url = await start(1);
    await Promise.all(Array.from({ length: count - 1 }, (_, k) => start(k + 2)));
    if (closing) return;
    process.stdout.write(`失信曝光台已启动：${url}（${count} 个进程）\n`);
  } catch (err) {
    say(`启动失败：${(err as Error).message}`);
    await stopAll(1);
  }
}

/** `npm start` with PORTAL_PROCESSES > 1, in the primary (main.ts): exits on a failed start. */
export function startPrimary(): Promise<void> {
  return Promise.resolve()
    .then(() => runPrimary(parseEnv(process.env)))
    .catch((error: unknown) => {
      process.stderr.write(`启动失败：${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
