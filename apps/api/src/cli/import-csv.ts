import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DOMAIN_ERROR_MESSAGES } from '@portal/domain';
import { splitCsvIntoChunks } from './csv-chunks.ts';
import { progressBar } from './progress-bar.ts';

/**
 * `npm run import -- --api http://127.0.0.1:8080 --token … [--resume] listings.csv`
 * Imports a large CSV through the staff API in chunks (header repeated in each), showing progress,
 * and reports rejected rows with their row numbers in the ORIGINAL file.
 *
 * Re-running is safe (issue 14 item 14): after each chunk the CLI writes a progress file beside
 * the CSV (`<file>.import-progress.json`); `--resume` continues after the last acknowledged chunk.
 * A chunk whose response was lost is sent again and the server reports its stored rows as
 * duplicates (code DUPLICATE), which are counted as already imported, never stored twice.
 */

interface Rejection {
  row: number;
  code: string;
  message: string;
  field?: string;
  listingId?: string;
}

/** What the progress file holds: enough to continue, and to refuse continuing another file. */
interface Progress {
  version: 1;
  sha256: string;
  chunkRows: number;
  chunksDone: number;
  created: number;
  duplicates: number;
  rejected: Rejection[];
}

export interface ImportOptions {
  api: string;
  token: string;
  file: string;
  chunkRows: number;
  resume: boolean;
  /** default `<file>.import-progress.json` */
  progressFile?: string;
  fetch?: typeof fetch;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export function progressFileFor(file: string): string {
  return `${resolve(file)}.import-progress.json`;
}

async function readProgress(path: string): Promise<Progress | null> {
  try {
    const p = JSON.parse(await readFile(path, 'utf8')) as Progress;
    return p.version === 1 ? p : null;
  } catch {
    return null;
  }
}

async function writeProgress(path: string, progress: Progress): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, JSON.stringify(progress));
  await rename(partial, path); // a crash mid-write never leaves a half-written progress file
}

/** Runs one import; resolves with the process exit code (0 done, 1 stopped midway, 2 bad input). */
export async function runImport(opts: ImportOptions): Promise<number> {
  const out = opts.out ?? ((s) => process.stdout.write(s));
  const err = opts.err ?? ((s) => process.stderr.write(s));
  const doFetch = opts.fetch ?? fetch;
  const progressPath = opts.progressFile ?? progressFileFor(opts.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(opts.file));
  } catch {
    err(`无法读取文件：${opts.file}\n`);
    return 2;
  }
  if (!Number.isInteger(opts.chunkRows) || opts.chunkRows < 1) {
    err('--chunk-rows 应为不小于 1 的整数。\n');
    return 2;
  }
  const chunks = splitCsvIntoChunks(bytes, opts.chunkRows);
  if (chunks.fileError) {
    err(`无法导入：${DOMAIN_ERROR_MESSAGES[chunks.fileError]}（${chunks.fileError}）\n`);
    return 2;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fresh: Progress = {
    version: 1,
    sha256,
    chunkRows: opts.chunkRows,
    chunksDone: 0,
    created: 0,
    duplicates: 0,
    rejected: [],
  };
  const saved = await readProgress(progressPath);
  let progress = fresh;
  if (opts.resume) {
    if (!saved) {
      err('没有找到上次导入的进度，从头开始导入（已导入的行会报告为重复，不会重复保存）。\n');
    } else if (saved.sha256 !== sha256 || saved.chunkRows !== opts.chunkRows) {
      err(
        `进度文件 ${progressPath} 属于另一个文件或另一种分批（--chunk-rows ${saved.chunkRows}），不能继续。请使用原文件和原分批设置，或删除进度文件后重新导入。\n`,
      );
      return 2;
    } else {
      progress = saved;
      err(`继续上次的导入：已完成 ${saved.chunksDone}/${chunks.parts.length} 批。\n`);
    }
  } else if (saved && saved.sha256 === sha256) {
    err(
      `发现上次未完成的导入（已完成 ${saved.chunksDone}/${chunks.parts.length} 批）；可加 --resume 从中断处继续。本次从头导入，已导入的行会报告为重复，不会重复保存。\n`,
    );
  }

  const bar = progressBar(chunks.totalRows, '导入');
  bar.tick(chunks.parts.slice(0, progress.chunksDone).reduce((n, c) => n + c.rowCount, 0));
  for (let index = progress.chunksDone; index < chunks.parts.length; index++) {
    const chunk = chunks.parts[index]!;
    let res: Response;
    let body: { created?: number; rejected?: Rejection[]; error?: { message: string } };
    try {
      res = await doFetch(new URL('/api/v1/admin/listings/import', opts.api), {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv; charset=utf-8', Authorization: `Bearer ${opts.token}` },
        body: chunk.csv,
      });
      body = (await res.json()) as typeof body;
    } catch {
      bar.done();
      await writeProgress(progressPath, progress);
      err(
        `无法连接到 ${opts.api}，已导入 ${progress.created} 行。进度已保存，网络恢复后加 --resume 重新运行即可继续。\n`,
      );
      return 1;
    }
    if (!res.ok) {
      bar.done();
      await writeProgress(progressPath, progress);
      err(`导入失败：${body.error?.message ?? res.status}（已导入 ${progress.created} 行）\n`);
      return 1;
    }
    progress.created += body.created ?? 0;
    // the server numbers rows within the chunk (header = 1): map back to the original file
    for (const r of body.rejected ?? []) {
      const row = r.row === 1 ? 1 : chunk.firstRow + r.row - 2;
      if (r.code === 'DUPLICATE') progress.duplicates++;
      else progress.rejected.push({ ...r, row });
    }
    progress.chunksDone = index + 1;
    await writeProgress(progressPath, progress);
    bar.tick(chunk.rowCount);
  }
  bar.done();
  await rm(progressPath, { force: true });
  const { created, rejected, duplicates } = progress;
  // one entry per problem: a row with several bad cells is still one refused row
  const rows = new Set(rejected.map((r) => r.row)).size;
  const problems = rejected.length > rows ? `（共 ${rejected.length} 处问题）` : '';
  out(
    `导入完成：新增草稿 ${created} 条，拒绝 ${rows} 行${problems}${duplicates > 0 ? `，已存在（重复，已跳过）${duplicates} 行` : ''}。\n`,
  );
  for (const r of rejected.slice(0, 200)) {
    out(`  第 ${r.row} 行${r.field ? `（${r.field}）` : ''}：${r.message}\n`);
  }
  if (rejected.length > 200) out(`  ……另有 ${rejected.length - 200} 处问题未列出。\n`);
  return 0;
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      api: { type: 'string', default: 'http://127.0.0.1:8080' },
      token: { type: 'string' },
      'chunk-rows': { type: 'string', default: '2000' },
      resume: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  const token = values.token ?? process.env.STAFF_TOKEN;
  if (!file || !token) {
    process.stderr.write(
      '用法：npm run import -- --api http://127.0.0.1:8080 --token <令牌> [--resume] <文件.csv>\n',
    );
    process.exit(2);
  }
  const code = await runImport({
    api: values.api,
    token,
    file,
    chunkRows: Number(values['chunk-rows']),
    resume: values.resume,
  });
  process.exitCode = code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
