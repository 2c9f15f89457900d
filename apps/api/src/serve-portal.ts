import cluster from 'node:cluster';
import { parseEnv } from './env.ts';
import { serveApp } from './http/serve-app.ts';
import { createLogger } from './logger.ts';
import type { PrimaryMessage, WorkerMessage } from './process-primary.ts';
import { mountPublicSurfaces } from './public-surfaces.ts';
import { type Runtime, startRuntime } from './runtime.ts';

type Server = ReturnType<typeof serveApp>;

/**
 * The server `npm start` runs (through main.ts): the whole portal in one process — API at /api/v1/, site at /, kiosk at /screen.
 * Prints the URL once it answers. With PORTAL_PROCESSES > 1 this is one of the server processes
 * (process-primary.ts): its logs and progress lines name it, it tells the primary when it answers
 * (the primary prints the URL), and it stops when the primary asks or goes away.
 */
async function main() {
  const env = parseEnv(process.env);
  const slot = cluster.isWorker ? env.PORTAL_PROCESS_SLOT : 0;
  const logger = slot ? createLogger(env.LOG_LEVEL).child({ process: slot }) : createLogger(env.LOG_LEVEL);
  const progress = (msg: string) => process.stderr.write(slot ? `[进程 ${slot}] ${msg}\n` : `${msg}\n`);
  // Signals are handled from the first moment: a stop during start-up (a site build running)
  // must end the build too, not leave it writing into DATA_DIR.
  let runtime: Runtime | undefined;
  let surfaces: ReturnType<typeof mountPublicSurfaces> | undefined;
  let server: Server | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    // a second signal, or a clean-up that hangs (an open connection), must not leave a process
    // that ignores being stopped; children are killed on exit (see @portal/web/server buildSite).
    // The primary's request after a signal to the whole process group is not a second signal.
    if (closing && signal === 'primary') return;
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      process.stderr.write('关闭超时，强制退出。\n');
      process.exit(1);
    }, 10_000).unref();
    server?.close();
    if (server && 'closeAllConnections' in server) server.closeAllConnections();
    await surfaces?.stop();
    await runtime?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (slot) {
    process.on('message', (msg: PrimaryMessage) => {
      if (msg?.type === 'portal:shutdown') void shutdown('primary');
    });
    // the primary died (SIGKILL): nobody would stop this process any more
    process.on('disconnect', () => void shutdown('primary'));
  }

  runtime = await startRuntime(env, logger, {
    progress,
    deferBackgroundWork: true,
    // one writer of DATA_DIR's index snapshot: process 1 (the others may load it)
    writeSnapshots: slot <= 1,
  });
  if (closing) return;
  surfaces = mountPublicSurfaces(runtime, progress);
  await surfaces.ready;
  if (closing) return;
  const started = runtime;
  server = serveApp(started.app, { port: env.PORT, hostname: env.HOST }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    const url = `http://${host}:${info.port}/`;
    if (slot) {
      progress('已就绪。');
      process.send?.({ type: 'portal:ready', url } satisfies WorkerMessage);
    } else process.stdout.write(`失信曝光台已启动：${url}\n`);
    started.startBackgroundWork();
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `端口 ${env.PORT} 已被占用，请关闭占用它的程序或用 PORT=… 换一个端口。`
        : error.code === 'EACCES'
          ? `没有权限监听端口 ${env.PORT}，请换一个大于 1024 的端口。`
          : error.message;
    process.stderr.write(`启动失败：${reason}\n`);
    void started.close().finally(() => process.exit(1));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
