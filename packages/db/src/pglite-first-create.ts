/**
 * Creating a PGlite cluster (initdb) and applying every migration to it makes the WebAssembly
 * heap grow to ~600 MB RSS, and that memory is never given back: a server that created its data
 * folder in-process stays at twice the RSS of one that opened an existing folder (~180 MB)
 * (tests/bench/memory-at-rest.bench.ts). So a fresh data folder is created by a short-lived child
 * process, which exits and takes that memory with it; the server then opens the finished folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD_SCRIPT = fileURLToPath(new URL('./pglite-first-create-child.ts', import.meta.url));
const CREATING_SUFFIX = '.creating-';

/** True when `dataDir` holds a finished cluster (PostgreSQL writes PG_VERSION during initdb). */
export function hasPgliteCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Creates and migrates a PGlite cluster at `dataDir` in a child process. The child works in a
 * sibling folder that is renamed into place only once it is complete, so a start-up killed at any
 * moment leaves either no cluster or a whole one (leftovers of killed attempts are removed here).
 */
export async function createPgliteClusterInChild(dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(
      `数据目录 ${dataDir} 里已有其他文件，但不是数据库：请检查 DATA_DIR，或移走这些文件后再启动。`,
    );
  removeAbandonedAttempts(dataDir);
  const staging = `${dataDir}${CREATING_SUFFIX}${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [CHILD_SCRIPT, staging],
        { maxBuffer: 1 << 20 },
        (error, _stdout, stderr) => {
          if (error) reject(new Error(`创建嵌入式数据库失败：${stderr.trim() || error.message}`));
          else resolve();
        },
      );
    });
    // an empty folder (made by hand, or by an earlier version before a crash) must not block it
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function removeAbandonedAttempts(dataDir: string): void {
  const parent = dirname(dataDir);
  if (!existsSync(parent)) return;
  const prefix = `${basename(dataDir)}${CREATING_SUFFIX}`;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(prefix)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}
