import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DOMAIN_ERROR_MESSAGES } from '@portal/domain';
import { splitCsvIntoChunks } from './csv-chunks.ts';
import { progressBar } from './progress-bar.ts';

/**
 * `npm run import -- --api http://127.0.0.1:8080 --token … listings.csv`
 * Imports a large CSV through the staff API in chunks (header repeated in each), showing progress,
 * and reports rejected rows with their row numbers in the ORIGINAL file.
 */
async function main() {
  const { values, positionals } = parseArgs({
    options: {
      api: { type: 'string', default: 'http://127.0.0.1:8080' },
      token: { type: 'string' },
      'chunk-rows': { type: 'string', default: '2000' },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  const token = values.token ?? process.env.STAFF_TOKEN;
  if (!file || !token) {
    process.stderr.write('用法：npm run import -- --api http://127.0.0.1:8080 --token <令牌> <文件.csv>\n');
    process.exit(2);
  }
  const bytes = await readFile(file).catch(() => {
    process.stderr.write(`无法读取文件：${file}\n`);
    process.exit(2);
  });
  const chunkRows = Number(values['chunk-rows']);
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    process.stderr.write('--chunk-rows 应为不小于1的整数。\n');
    process.exit(2);
  }
  const chunks = splitCsvIntoChunks(new Uint8Array(bytes), chunkRows);
  if (chunks.fileError) {
    process.stderr.write(`无法导入：${DOMAIN_ERROR_MESSAGES[chunks.fileError]}（${chunks.fileError}）\n`);
    process.exit(2);
  }
  const bar = progressBar(chunks.totalRows, '导入');
  let created = 0;
  const rejected: { row: number; code: string; message: string; field?: string }[] = [];
  for (const chunk of chunks.parts) {
    let res: Response;
    try {
      res = await fetch(new URL('/api/v1/admin/listings/import', values.api), {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv; charset=utf-8', Authorization: `Bearer ${token}` },
        body: chunk.csv,
      });
    } catch {
      bar.done();
      process.stderr.write(`无法连接到 ${values.api}，已导入 ${created} 行。\n`);
      process.exit(1);
    }
    const body = (await res.json()) as {
      created?: number;
      rejected?: typeof rejected;
      error?: { message: string };
    };
    if (!res.ok) {
      bar.done();
      process.stderr.write(`导入失败：${body.error?.message ?? res.status}（已导入 ${created} 行）\n`);
      process.exit(1);
    }
    created += body.created ?? 0;
    // the server numbers rows within the chunk (header = 1): map back to the original file
    for (const r of body.rejected ?? [])
      rejected.push({ ...r, row: r.row === 1 ? 1 : chunk.firstRow + r.row - 2 });
    bar.tick(chunk.rowCount);
  }
  bar.done();
  process.stdout.write(`导入完成：新增草稿 ${created} 条，拒绝 ${rejected.length} 行。\n`);
  for (const r of rejected.slice(0, 200)) {
    process.stdout.write(`  第 ${r.row} 行${r.field ? `（${r.field}）` : ''}：${r.message}\n`);
  }
  if (rejected.length > 200) process.stdout.write(`  ……另有 ${rejected.length - 200} 行被拒绝。\n`);
}

void main();
