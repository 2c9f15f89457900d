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
export function sourceDigest(root: string, entries: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (full: string) => {
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!SKIPPED.has(name)) add(join(full, name));
    } else {
      hash.update(relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const entry of entries) add(join(root, entry));
  return hash.digest('hex').slice(0, 16);
}
