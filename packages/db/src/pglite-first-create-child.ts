/**
 * Child process of `createPgliteClusterInChild`: creates the cluster at argv[2], applies the
 * migrations, closes it and exits (returning the memory initdb took to the system).
 */
import { createDatabase } from './client.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: pglite-first-create-child.ts <dataDir>\n');
  process.exit(2);
}
const handle = await createDatabase({ dataDir, inProcessCreate: true });
await handle.close();
