import { runSearchIndexContract } from '../contract.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';

runSearchIndexContract('embedded', async (options) => {
  const index = new EmbeddedSearchIndex(options);
  return { index, storedDocuments: async () => index.storedEntries() };
});
