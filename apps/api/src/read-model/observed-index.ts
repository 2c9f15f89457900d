import type { SearchIndex } from '@portal/search';

/**
 * Wraps the read model so that every change to it (publisher, reconcile, expiry, anything) tells
 * the caches built on it. Putting the signal here, not in each writer, means no code path can
 * change the index and leave a cached answer or slide showing a removed listing.
 */
export function observeIndexChanges(index: SearchIndex, onChange: () => void): SearchIndex {
  const changed = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      onChange(); // also after a partial failure: the index may have changed in part
    }
  };
  return {
    get engine() {
      return index.engine;
    },
    upsert: (docs) => changed(index.upsert(docs)),
    remove: (ids) => changed(index.remove(ids)),
    clear: () => changed(index.clear()),
    search: (q) => index.search(q),
    get: (id) => index.get(id),
    count: () => index.count(),
    listVersions: () => index.listVersions(),
    close: () => index.close(),
  };
}
