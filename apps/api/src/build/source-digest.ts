import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['node_modules', 'dist', '.turbo']);

/**
 * A short digest of the files a build reads (folders walked in name order, `node_modules` and
 * build output skipped): a build stamped with it is reused only while the sources are the same,
 * so an update (`git pull`) is never served from an old build.
 * @example
 * sourceDigest('/repo/apps/console', ['src', 'index.html']) // 'a3f09c1d2e4b5f60'
 */
export function sourceDigest(
  root: string,
  entries: readonly string[],
  skip: ReadonlySet<string> = SKIPPED,
): string {
  const hash = createHash('sha256');
  walkSources(root, entries, skip, (full) => {
    hash.update(relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
  });
  return hash.digest('hex').slice(0, 16);
}

/** The modification time (ms) of the newest of these sources, 0 when there are none. */
export function newestSourceMtime(
  root: string,
  entries: readonly string[],
  skip: ReadonlySet<string> = SKIPPED,
): number {
  let newest = 0;
  walkSources(root, entries, skip, (full) => {
    newest = Math.max(newest, statSync(full).mtimeMs);
  });
  return newest;
}

/** Every file under the entries, folders in name order, skipped names left out. */
function walkSources(
  root: string,
  entries: readonly string[],
  skip: ReadonlySet<string>,
  visit: (full: string) => void,
): void {
  const add = (full: string) => {
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!skip.has(name)) add(join(full, name));
    } else {
      visit(full);
    }
  };
  for (const entry of entries) add(join(root, entry));
}

/** The names a source walk skips: dependencies and build output. */
export const SKIPPED_BY_DEFAULT: ReadonlySet<string> = SKIPPED;
