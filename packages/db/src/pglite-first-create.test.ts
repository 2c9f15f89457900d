import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './client.ts';
import { courts } from './schema/index.ts';

describe('a fresh PGlite data folder is created by a child process', () => {
  it('creates and migrates the cluster, leaves no staging folder, and opens it again', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'portal-first-create-'));
    const dataDir = join(parent, 'pglite');
    // leftovers of a start killed during creation, and the empty folder an older start made
    mkdirSync(join(parent, 'pglite.creating-4242', 'base'), { recursive: true });
    mkdirSync(dataDir);
    const first = await createDatabase({ dataDir });
    await first.db.execute(
      sql`insert into courts (id, name, code, region) values ('C-T', '测试法院', '琼9999', '海南')`,
    );
    await first.close();
    expect(readdirSync(parent)).toEqual(['pglite']);
    const again = await createDatabase({ dataDir });
    const rows = await again.db.select({ name: courts.name }).from(courts);
    await again.close();
    expect(rows).toEqual([{ name: '测试法院' }]);
  }, 120_000);

  it('refuses a data folder that holds something else, and changes nothing in it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'portal-first-create-')), 'pglite');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'not a database');
    await expect(createDatabase({ dataDir })).rejects.toThrow(/已有其他文件，但不是数据库/);
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
  });
});
