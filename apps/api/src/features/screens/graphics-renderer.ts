import { type ChildProcess, fork } from 'node:child_process';
import type * as Graphics from '@portal/graphics';

/**
 * The renderers (satori, resvg, the two CJK fonts) cost ~70 MB once imported and ~150 MB more
 * once a slide is drawn, and most of the time no slide is being drawn (the screen cache answers
 * repeats). They run in a child process that starts on the first render and ends after `idleMs`
 * without one; the next render after a pause pays the start again (about a second or two).
 * A process, not a worker thread: a terminated worker left ~100 MB of its allocations in the
 * server's RSS (glibc keeps freed arenas; measured in tests/bench/memory-at-rest.bench.ts), an
 * ended process returns everything. Rendering off the main thread also keeps the event loop free.
 */
export interface Renderers {
  board: typeof Graphics.renderBoardSlide;
  livelihood: typeof Graphics.renderLivelihoodSlide;
  stats: typeof Graphics.renderStatsSlide;
  neutral: typeof Graphics.renderNeutralSlide;
  card: typeof Graphics.renderShareCard;
  rewardPoster: typeof Graphics.renderRewardPoster;
  rewardSlide: typeof Graphics.renderRewardSlide;
  commandCentre: typeof Graphics.renderCommandCentreSlide;
  /** the newspaper page PDF (features/media): a PDF's bytes travel like a PNG's */
  newspaper: typeof Graphics.renderNewspaperPdf;
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
  /** True while the renderer process (and so the fonts) is loaded. */
  loaded(): boolean;
  /** Ends the renderer process now (tests, shutdown); a later render starts a new one. */
  close(): Promise<void>;
}

type Pending = Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void }>;

export function createGraphicsRenderer({ idleMs = DEFAULT_IDLE_MS } = {}): GraphicsRenderer {
  // each worker answers only its own requests: a worker that is ending cannot fail the next one's
  let current: { worker: ChildProcess; pending: Pending; hold(busy: boolean): void } | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  function start() {
    // execArgv replaces the parent's flags (test runners, --expose-gc); the young-generation cap
    // is the one of `npm start` (package.json), see the memory note in README.md
    const worker = fork(new URL('./render-worker.ts', import.meta.url), [], {
      execArgv: ['--max-semi-space-size=8'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const failAll = (err: Error) => {
      if (current === self) current = undefined;
      for (const p of self.pending.values()) p.reject(err);
      self.pending.clear();
    };
    // an idle renderer must not keep the server alive; it is busy only while a render is pending
    const hold = (busy: boolean) => {
      if (busy) {
        worker.ref();
        worker.channel?.ref();
      } else {
        worker.unref();
        worker.channel?.unref();
      }
    };
    const self = { worker, pending: new Map() as Pending, hold };
    hold(false);
    worker.on('message', (reply: RenderReply) => {
      const p = self.pending.get(reply.id);
      if (!p) return;
      self.pending.delete(reply.id);
      if ('png' in reply) p.resolve(Buffer.from(reply.png));
      else p.reject(new Error(`render failed: ${reply.error}`));
      if (self.pending.size === 0) {
        hold(false);
        if (current === self) armIdle();
      }
    });
    worker.on('error', failAll);
    worker.on('exit', (code, signal) => failAll(new Error(`render worker exited (${code ?? signal})`)));
    return self;
  }

  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (!current || current.pending.size > 0) return;
      const { worker } = current;
      current = undefined;
      worker.kill();
    }, idleMs);
    idleTimer.unref();
  }

  return {
    render(kind, ...args) {
      clearTimeout(idleTimer);
      current ??= start();
      const { worker, pending, hold } = current;
      const id = nextId++;
      const done = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
      hold(true);
      worker.send({ id, kind, args } satisfies RenderRequest);
      return done;
    },
    loaded: () => current !== undefined,
    async close() {
      clearTimeout(idleTimer);
      const w = current?.worker;
      current = undefined;
      if (w && w.exitCode === null && w.signalCode === null) {
        const exited = new Promise((resolve) => w.once('exit', resolve));
        w.kill();
        await exited;
      }
    },
  };
}
