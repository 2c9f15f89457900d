import type { Database } from '@portal/db';
import { tipAttachments } from '@portal/db/schema';
import { inArray } from 'drizzle-orm';
import { purgeExpiredUploads, stagedPaths } from './photo-uploads.ts';
import type { TipFileStore } from './tip-file-store.ts';

const DAY_MS = 86_400_000;

/**
 * Photos are written before the tip's transaction commits (or uploaded on their own and never
 * named by a tip); a process killed in between leaves files no tip references (never served: attachment URLs go through the table). Files older than a
 * day with no row, and `.part` leftovers, are removed. Returns how many were removed.
 */
export async function purgeOrphanPhotos(db: Database, files: TipFileStore, nowMs: number): Promise<number> {
  // a photo uploaded on its own and never named by a tip expires first, then its file is an orphan
  await purgeExpiredUploads(db, new Date(nowMs));
  const old = (await files.list()).filter((f) => nowMs - f.modifiedMs > DAY_MS);
  if (old.length === 0) return 0;
  const names = old.map((f) => f.name).filter((n) => !n.endsWith('.part'));
  const referenced = new Set<string>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await db
      .select({ path: tipAttachments.path })
      .from(tipAttachments)
      .where(inArray(tipAttachments.path, names.slice(i, i + 500)));
    for (const r of rows) referenced.add(r.path);
    for (const p of await stagedPaths(db, names.slice(i, i + 500))) referenced.add(p);
  }
  let removed = 0;
  for (const f of old) {
    if (referenced.has(f.name)) continue;
    await files.remove(f.name).catch(() => {});
    removed++;
  }
  return removed;
}

/** Runs the purge at start and every six hours; `stop()` ends it. */
export function startOrphanPhotoPurge(opts: {
  db: Database;
  files: () => TipFileStore;
  now: () => Date;
  onError: (err: unknown) => void;
}): { stop(): void } {
  const tick = () => {
    purgeOrphanPhotos(opts.db, opts.files(), opts.now().getTime()).catch(opts.onError);
  };
  tick();
  const timer = setInterval(tick, 6 * 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
