import { type DatabaseHandle, readPublishedRecords } from '@portal/db';
import { isPubliclyVisible } from '@portal/domain';
import type { SearchDocument, SearchIndex } from '@portal/search';
import { searchDocumentOf } from './index-sync.ts';

export interface RebuildReport {
  /** documents written to the index (publicly visible listings) */
  upserted: number;
  /** published rows read (the term is checked here: some may have ended) */
  read: number;
  ms: number;
  /** of `ms`: reading and splitting rows, waiting for the database included */
  readMs: number;
  /** of `ms`: inside the index's upsert */
  indexMs: number;
}

/**
 * Fills an empty index from the database in one pass (issue 8: a first start, or a changed
 * identifier key, at 1M listings): one `COPY` streams the published rows (see
 * `readPublishedRecords`) while the index is built from the batches already read; each record goes
 * through the same visibility rule and projection as every other write (`searchDocumentOf`).
 * Changes committed while it runs are caught up by the change feed, whose position the caller
 * noted before. PostgreSQL only (`handle.copyOut`); the caller reconciles otherwise.
 */
export async function rebuildIndexFromDatabase(
  handle: Pick<DatabaseHandle, 'copyOut' | 'kind'>,
  index: SearchIndex,
  hashIdentifier: (v: string) => string,
  today: string,
): Promise<RebuildReport> {
  const started = performance.now();
  let upserted = 0;
  let read = 0;
  let readMs = 0;
  let indexMs = 0;
  const batches = readPublishedRecords(handle);
  for (;;) {
    const waited = performance.now();
    const next = await batches.next();
    readMs += performance.now() - waited;
    if (next.done) break;
    read += next.value.length;
    const docs: SearchDocument[] = [];
    for (const record of next.value)
      if (isPubliclyVisible(record, today))
        docs.push(searchDocumentOf(record, record.version, hashIdentifier));
    const writing = performance.now();
    await index.upsert(docs);
    indexMs += performance.now() - writing;
    upserted += docs.length;
  }
  return {
    upserted,
    read,
    ms: Math.round(performance.now() - started),
    readMs: Math.round(readMs),
    indexMs: Math.round(indexMs),
  };
}
