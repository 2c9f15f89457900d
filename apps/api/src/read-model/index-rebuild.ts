import { Worker } from 'node:worker_threads';
import { type DatabaseHandle, readPublishedRecords } from '@portal/db';
import { isPubliclyVisible } from '@portal/domain';
import type { SearchDocument, SearchIndex } from '@portal/search';
import type { RebuildWorkerData, RebuildWorkerMessage } from './rebuild-worker.ts';
import { searchDocumentOf } from './search-document.ts';

export interface RebuildReport {
  /** documents written to the index (publicly visible listings) */
  upserted: number;
  /** published rows read (the term is checked here: some may have ended) */
  read: number;
  ms: number;
  /** of `ms`: waiting for the next batch of documents (reading, and in-process building them) */
  readMs: number;
  /** of `ms`: inside the index's upsert */
  indexMs: number;
  /** where the rows were read and turned into documents */
  reader: 'worker' | 'in-process';
}

/**
 * Fills an empty index from the database in one pass (issue 8: a first start without a usable
 * snapshot, e.g. on an existing database or after the identifier key changed, at 1M listings):
 * one `COPY` streams the published rows (`readPublishedRecords`), each goes through the same
 * visibility rule and projection as every other write (`searchDocumentOf`), and the index is
 * built from the batches already read. Changes committed while it runs are caught up by the
 * change feed, whose position the caller noted before. PostgreSQL only.
 *
 * With `databaseUrl`, a worker thread reads and builds the documents (rebuild-worker.ts) while
 * this thread inserts them: both cores work, and the garbage of reading never reaches this
 * thread's heap (whose young generation `npm start` keeps small for memory at rest). At 1M
 * listings (tests/bench/listing-pages.bench.ts): reading, projecting and hashing took ~20 % of an
 * in-process rebuild's samples; with the worker the peak RSS is ~1.0–1.2 GB instead of ~1.8 GB,
 * and the inserts here (25–32 s) are what remains. Without a URL (a test's handle) it runs here.
 */
export async function rebuildIndexFromDatabase(opts: {
  handle: Pick<DatabaseHandle, 'copyOut' | 'kind'>;
  /** read in a worker thread over a connection of its own */
  databaseUrl?: string;
  identifierSecret: string;
  index: SearchIndex;
  hashIdentifier: (v: string) => string;
  today: string;
  /** told the rows read so far after each batch (start-up progress on long rebuilds) */
  onBatch?: (rowsRead: number) => void;
}): Promise<RebuildReport> {
  const started = performance.now();
  const totals = { upserted: 0, read: 0, readMs: 0, indexMs: 0 };
  const insert = async (docs: SearchDocument[], read: number) => {
    const writing = performance.now();
    await opts.index.upsert(docs);
    totals.indexMs += performance.now() - writing;
    totals.upserted += docs.length;
    totals.read += read;
    opts.onBatch?.(totals.read);
  };
  let reader: RebuildReport['reader'] = 'in-process';
  if (opts.databaseUrl) {
    reader = 'worker';
    totals.readMs = await readInWorker(
      {
        databaseUrl: opts.databaseUrl,
        identifierSecret: opts.identifierSecret,
        today: opts.today,
        batchRows: 2000,
        window: 4,
      },
      insert,
    );
  } else {
    const batches = readPublishedRecords(opts.handle);
    for (;;) {
      const waited = performance.now();
      const next = await batches.next();
      if (next.done) break;
      const docs: SearchDocument[] = [];
      for (const record of next.value)
        if (isPubliclyVisible(record, opts.today))
          docs.push(searchDocumentOf(record, record.version, opts.hashIdentifier));
      totals.readMs += performance.now() - waited;
      await insert(docs, next.value.length);
    }
  }
  return {
    upserted: totals.upserted,
    read: totals.read,
    ms: Math.round(performance.now() - started),
    readMs: Math.round(totals.readMs),
    indexMs: Math.round(totals.indexMs),
    reader,
  };
}

/**
 * Runs rebuild-worker.ts and hands each batch to `insert`, in order, acknowledging it afterwards.
 * Resolves with the time spent waiting for batches; rejects when the worker fails (it is stopped).
 */
function readInWorker(
  data: RebuildWorkerData,
  insert: (docs: SearchDocument[], read: number) => Promise<void>,
): Promise<number> {
  // the worker's own heap: a young generation large enough that a batch's garbage dies young
  const worker = new Worker(new URL('./rebuild-worker.ts', import.meta.url), {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
  let waitMs = 0;
  let waitingSince = performance.now();
  let chain = Promise.resolve();
  let settled = false;
  return new Promise<number>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.on('message', (message: RebuildWorkerMessage) => {
      chain = chain
        .then(async () => {
          if (settled) return;
          waitMs += performance.now() - waitingSince;
          if ('error' in message) throw new Error(`index rebuild: ${message.error}`);
          if ('done' in message) {
            settled = true;
            await worker.terminate();
            resolve(waitMs);
            return;
          }
          await insert(message.docs, message.read);
          waitingSince = performance.now();
          worker.postMessage('next');
        })
        .catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`index rebuild: the worker stopped (exit code ${code})`)));
  });
}

/** A line every few seconds while a long index rebuild reads rows (a million take half a minute). */
export function rebuildProgress(progress: (msg: string) => void, everyMs = 5000): (rowsRead: number) => void {
  let last = performance.now();
  return (rowsRead) => {
    if (performance.now() - last < everyMs) return;
    last = performance.now();
    progress(`正在建立查询索引：已读取 ${rowsRead.toLocaleString('en-US')} 条…`);
  };
}
