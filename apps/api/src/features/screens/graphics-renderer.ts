import { Worker } from 'node:worker_threads';
import type * as Graphics from '@portal/graphics';

/**
 * The renderers (satori, resvg, the two CJK fonts) cost ~70 MB once imported and ~150 MB more
 * once a slide is drawn, and most of the time no slide is being drawn (the screen cache answers
 * repeats). They run in a worker thread that starts on the first render and is terminated after
 * `idleMs` without one, which returns that memory; the next render after a pause pays the start
 * again (about a second or two). Rendering off the main thread also keeps the event loop free.
 */
export interface Renderers {
  board: typeof Graphics.renderBoardSlide;
  livelihood: typeof Graphics.renderLivelihoodSlide;
  stats: typeof Graphics.renderStatsSlide;
  neutral: typeof Graphics.renderNeutralSlide;
  card: typeof Graphics.renderShareCard;
}
export type RenderKind = keyof Renderers;

export interface RenderRequest {
  id: number;
  kind: RenderKind;
  args: unknown[];
}
export type RenderReply = { id: number; png: ArrayBuffer } | { id: number; error: string };

/** How long the renderers stay loaded after the last render. */
export const DEFAULT_IDLE_MS = 60 * 1000;

export interface GraphicsRenderer {
  render<K extends RenderKind>(kind: K, ...args: Parameters<Renderers[K]>): Promise<Buffer>;
  /** True while the worker (and so the fonts) is loaded. */
  loaded(): boolean;
  /** Terminates the worker now (tests, shutdown); a later render starts a new one. */
  close(): Promise<void>;
}

export function createGraphicsRenderer({ idleMs = DEFAULT_IDLE_MS } = {}): GraphicsRenderer {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void }>();
  let idleTimer: NodeJS.Timeout | undefined;

  function failAll(err: Error) {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function start(): Worker {
    // execArgv: [] so that flags of the parent (test runners, --expose-gc) cannot stop it starting
    const w = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: [] });
    w.unref();
    w.on('message', (reply: RenderReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('png' in reply) p.resolve(Buffer.from(reply.png));
      else p.reject(new Error(`render failed: ${reply.error}`));
      if (pending.size === 0) armIdle();
    });
    w.on('error', (err) => {
      if (worker === w) worker = undefined;
      failAll(err);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      if (pending.size > 0) failAll(new Error(`render worker exited (${code})`));
    });
    return w;
  }

  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending.size > 0 || !worker) return;
      const w = worker;
      worker = undefined;
      void w.terminate();
    }, idleMs);
    idleTimer.unref();
  }

  return {
    render(kind, ...args) {
      clearTimeout(idleTimer);
      worker ??= start();
      const id = nextId++;
      const done = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ id, kind, args } satisfies RenderRequest);
      return done;
    },
    loaded: () => worker !== undefined,
    async close() {
      clearTimeout(idleTimer);
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
