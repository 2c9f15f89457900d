/**
 * Fresh PGlite databases for tests, fast: creating PGlite runs initdb in WebAssembly (seconds), loading
 * a dump of an already migrated cluster takes about a second. The dump is cached in the temp folder,
 * keyed by the migrations' content, so parallel test processes build it once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDatabase, type DatabaseHandle, MIGRATIONS_FOLDER, usePglite } from './client.ts';

function migrationsKey(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<Blob> | undefined;

async function buildTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `portal-pglite-template-${migrationsKey()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const handle = await createDatabase({ memory: true });
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await handle.close();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

/** A fresh in-memory PGlite with migrations applied, loaded from the cached template. */
export async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
  template ??= buildTemplate();
  const dump = await template;
  return usePglite(await PGlite.create({ loadDataDir: dump }));
}
