import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@portal/db';
import { tipAttachments, tips } from '@portal/db/schema';
import { forEachBackend } from '@portal/db/testing';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { purgeOrphanPhotos } from './orphan-photos.ts';
import { createDiskTipFileStore } from './tip-file-store.ts';

forEachBackend('orphan tip photos', (t) => {
  it('removes day-old files no tip references (a crash between write and commit), keeps referenced and fresh ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-orphans-'));
    const store = createDiskTipFileStore(dataDir);
    const [kept, orphan, fresh] = [newId('A'), newId('A'), newId('A')].map((id) => `${id}.jpg`);
    for (const name of [kept!, orphan!, fresh!]) await store.put(name, new Uint8Array([0xff, 0xd8, 0xff]));
    const dir = join(dataDir, 'uploads', 'tips');
    writeFileSync(join(dir, `${newId('A')}.jpg.part`), 'half');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const name of readdirSync(dir))
      if (name !== fresh) utimesSync(join(dir, name), twoDaysAgo, twoDaysAgo);
    await t.db.transaction(async (tx) => {
      // a tip row for the kept file; the listing foreign key is not what this test is about
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx
        .insert(tips)
        .values({ id: 'T1', listingId: 'L-x', kind: 'other', description: 'x', receiptHash: 'h' });
      await tx.insert(tipAttachments).values({
        id: 'A1',
        tipId: 'T1',
        path: kept!,
        contentType: 'image/jpeg',
        bytes: 3,
        width: 1,
        height: 1,
        sha256: 'x',
      });
    });
    expect(await purgeOrphanPhotos(t.db, store, Date.now())).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([kept!, fresh!].sort());
  });
});
