import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, startOnDatabase } from './bench-database.ts';

const db = await benchDatabase('bench_tmp');
await db.grow(Number(process.argv[2] ?? 20000));
const s = await startOnDatabase(db.url, mkdtempSync(join(tmpdir(), 'portal-tmp-')), {
  RATE_LIMIT_PER_MIN: '0',
  SITE_BUILD: '0',
});
console.log('URL', s.url, db.url);
process.on('SIGTERM', async () => {
  await s.stop();
  await db.pg.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);
