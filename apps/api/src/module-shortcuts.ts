/**
 * A resolve hook for the server process: drizzle-orm's ESM build (~110 modules, every import
 * relative with its `.js` extension) ships a 180 KB package.json that Node 24 parses again while
 * resolving each of those imports (its package scope, its `exports`); the garbage and the malloc
 * fragmentation it leaves cost ~30 MB of resident memory that is never given back
 * (tests/bench/memory-at-rest.bench.ts). Inside that package a relative specifier resolves to the
 * file it names, an ES module (the package is `"type": "module"`), without asking Node's resolver;
 * everything else goes the default way.
 */
import { registerHooks } from 'node:module';

/** packages whose every file is an ES module imported with its full relative path */
const SHORTCUT_PACKAGES = ['/node_modules/drizzle-orm/'];

/** The URL of a relative import made inside one of those packages; `undefined` for the default way. */
export function shortcutResolve(specifier: string, parentURL: string | undefined): string | undefined {
  if (!parentURL || !(specifier.startsWith('./') || specifier.startsWith('../'))) return undefined;
  if (!specifier.endsWith('.js')) return undefined;
  const resolved = new URL(specifier, parentURL).href;
  // a path climbing out of the package is left to Node
  return SHORTCUT_PACKAGES.some((p) => parentURL.includes(p) && resolved.includes(p)) ? resolved : undefined;
}

let registered = false;
let taken = 0;

/** How many imports the hook has resolved (the memory bench and the test report it). */
export function moduleShortcutsTaken(): number {
  return taken;
}

/** Installs the hook once; modules imported from then on (dynamically) go through it. */
export function registerModuleShortcuts(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const url = shortcutResolve(specifier, context.parentURL);
      if (!url) return nextResolve(specifier, context);
      taken++;
      return { url, format: 'module', shortCircuit: true };
    },
  });
}
