/**
 * The index rebuild's worker thread (index-rebuild.ts): reads the published rows with one COPY,
 * applies the visibility rule and the public projection and hashes the identifiers — the part of
 * a rebuild that needs no index —, and posts each batch of documents to the main thread, which
 * only inserts them. At most `window` batches are in flight (the main thread acknowledges each),
 * so a slow index holds the reading back instead of piling documents up in memory.
 * It imports no drizzle, PGlite or search engine: only the bulk reader, the domain rules and the
 * identifier hasher.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openBulkReader, readPublishedRecords } from '@portal/db/published-records';
import { isPubliclyVisible } from '@portal/domain';
import { createIdentifierHasher, type SearchDocument } from '@portal/search';
import { searchDocumentOf } from './search-document.ts';

export interface RebuildWorkerData {
  databaseUrl: string;
  /** the identifier hash key (same process: the secret never leaves it) */
  identifierSecret: string;
  today: string;
  batchRows: number;
  window: number;
}

export type RebuildWorkerMessage =
  | { docs: SearchDocument[]; read: number }
  | { done: true }
  | { error: string };

async function run(data: RebuildWorkerData, port: NonNullable<typeof parentPort>) {
  let credits = data.window;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
    wake = undefined;
  });
  const post = (message: RebuildWorkerMessage) => port.postMessage(message);
  const reader = openBulkReader(data.databaseUrl);
  try {
    const hash = createIdentifierHasher(data.identifierSecret);
    for await (const batch of readPublishedRecords(reader, data.batchRows)) {
      const docs: SearchDocument[] = [];
      for (const record of batch)
        if (isPubliclyVisible(record, data.today)) docs.push(searchDocumentOf(record, record.version, hash));
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      post({ docs, read: batch.length });
    }
    await reader.close();
    post({ done: true });
  } catch (error) {
    await reader.close().catch(() => {});
    post({ error: error instanceof Error ? error.message : String(error) });
  }
}

if (parentPort) await run(workerData as RebuildWorkerData, parentPort);
