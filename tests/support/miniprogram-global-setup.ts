/**
 * vitest globalSetup of the e2e project: builds the mini-program's H5 app once before any test
 * starts a server. `npm start` builds it on first start when absent, which takes minutes on a
 * busy 2-core machine — longer than a test waits for a server to print its URL.
 */
import { ensureMiniprogramBuilt } from '../../apps/api/src/features/miniprogram/miniprogram-static.ts';

export default async function setup(): Promise<void> {
  const started = Date.now();
  let built = false;
  await ensureMiniprogramBuilt((msg) => {
    built = true;
    console.log(`[miniprogram] ${msg}`);
  });
  if (built) console.log(`[miniprogram] H5 build took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
