import { runSearchIndexContract } from '../contract.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';

runSearchIndexContract('embedded', async (options) => {
  const index = new EmbeddedSearchIndex(options);
  return { index, storedDocuments: async () => index.storedEntries() };
});

// the same contract with every text query served from term entries and sort orders (the path
// broad queries take at scale), so that both paths keep the contract on the small fixtures
runSearchIndexContract('embedded, term entries for every query', async (options) => {
  const index = new EmbeddedSearchIndex({ ...options, broadQueryMin: 0, termEntryOnSighting: 1 });
  return { index, storedDocuments: async () => index.storedEntries() };
});
