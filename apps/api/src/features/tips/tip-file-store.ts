import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Where tip photos live: `DATA_DIR/uploads/tips/` in the embedded default. A write goes to a
 * temporary name, is fsynced, then renamed, so a crash never leaves a half photo under a real name.
 * Tests replace the store to inject a full disk.
 */
export interface TipFileStore {
  put(name: string, bytes: Uint8Array): Promise<void>;
  get(name: string): Promise<Buffer>;
  remove(name: string): Promise<void>;
  /** stored names with their modification time (orphan purge) */
  list(): Promise<{ name: string; modifiedMs: number }[]>;
}

/** Only names the server made: a ULID-like id and an extension, never a client's file name. */
const SAFE_NAME = /^[0-9A-Z]{10,40}\.(jpg|png|webp)(\.part)?$/;

function checked(root: string, name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe attachment name: ${name}`);
  return join(root, name);
}

export function createDiskTipFileStore(dataDir: string): TipFileStore {
  const root = join(resolve(dataDir), 'uploads', 'tips');
  return {
    async put(name, bytes) {
      const target = checked(root, name);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.part`;
      try {
        const handle = await open(temp, 'w', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    get: (name) => readFile(checked(root, name)),
    remove: (name) => rm(checked(root, name), { force: true }),
    async list() {
      const names = await readdir(root).catch(() => [] as string[]);
      const out: { name: string; modifiedMs: number }[] = [];
      for (const name of names) {
        const info = await stat(join(root, name)).catch(() => null);
        if (info) out.push({ name, modifiedMs: info.mtimeMs });
      }
      return out;
    },
  };
}
