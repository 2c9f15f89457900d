import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditHead, createDatabase, verifyAuditChain } from '@portal/db';
import { parseEnv } from '../env.ts';

/**
 * `npm run audit:verify`: walks the audit hash chain (全程留痕) of the configured database and names
 * the first altered or missing row. It also keeps an anchor (the newest seq and hash) in
 * DATA_DIR/audit-anchor.json, so a later run notices rows deleted from the end of the chain.
 * Exit status 0 when intact, 1 when not.
 */
async function main() {
  const env = parseEnv(process.env);
  const anchorFile = join(resolve(env.DATA_DIR), 'audit-anchor.json');
  const { db, close } = await createDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(resolve(env.DATA_DIR), 'pglite') },
  );
  try {
    const anchor = existsSync(anchorFile)
      ? (JSON.parse(readFileSync(anchorFile, 'utf8')) as { seq: number; hash: string })
      : undefined;
    const result = await verifyAuditChain(db, anchor ? { anchor } : {});
    if (!result.ok) {
      process.stdout.write(`审计日志校验失败：第 ${result.seq} 条记录——${result.reason}\n`);
      process.exitCode = 1;
      return;
    }
    const head = await auditHead(db);
    if (head) writeFileSync(anchorFile, JSON.stringify(head));
    process.stdout.write(
      `审计日志完整：共 ${result.count} 条记录，哈希链校验通过${anchor ? `（含锚点第 ${anchor.seq} 条）` : ''}。\n`,
    );
  } finally {
    await close();
  }
}

void main();
