/**
 * Exports the rotating blacklist as a deck of PNG files for a TV station or a cinema.
 *
 *   node packages/graphics/src/cli/export-deck.ts --api http://127.0.0.1:8080 --out ./deck \
 *     [--court 儋州市人民法院] [--region 海南省儋州市] [--orientation portrait]
 *
 * Reads board.json page 1 for the page count, then saves board-001.png … and stats.png, with a
 * progress bar on stderr and a manifest.json naming the listing ids on every slide.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DeckExportError, getJson, getPng } from './deck-http.ts';
import { progressBar } from './progress.ts';

export interface DeckOptions {
  api: string;
  out: string;
  court?: string;
  region?: string;
  orientation?: 'landscape' | 'portrait';
  /** defaults to a progress bar on stderr */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface DeckManifest {
  exportedAt: string;
  api: string;
  orientation: 'landscape' | 'portrait';
  slides: { file: string; page?: number; listingIds?: string[] }[];
  warnings: string[];
}

interface BoardJson {
  page: number;
  pages: number;
  listingIds: string[];
}

const USAGE =
  '用法：node packages/graphics/src/cli/export-deck.ts --api http://127.0.0.1:8080 --out ./deck ' +
  '[--court 法院名称] [--region 地区] [--orientation landscape|portrait]';

export async function exportDeck(opts: DeckOptions): Promise<DeckManifest> {
  const orientation = opts.orientation ?? 'landscape';
  const base = opts.api.replace(/\/+$/, '');
  const qs = (extra: Record<string, string>) => {
    const p = new URLSearchParams(extra);
    if (opts.court) p.set('court', opts.court);
    if (opts.region) p.set('region', opts.region);
    p.set('orientation', orientation);
    return p.toString();
  };
  const first = await getJson<BoardJson>(`${base}/api/v1/screens/board.json?${qs({ page: '1' })}`);
  const pages = Math.max(1, Number(first.pages) || 1);
  await mkdir(opts.out, { recursive: true });
  const total = pages + 1;
  const manifest: DeckManifest = {
    exportedAt: new Date().toISOString(),
    api: base,
    orientation,
    slides: [],
    warnings: [],
  };
  const digits = Math.max(3, String(pages).length);
  for (let page = 1; page <= pages; page++) {
    // board.json and board.png of one page are read back to back, so the manifest names what the PNG shows.
    const board =
      page === 1
        ? first
        : await getJson<BoardJson>(`${base}/api/v1/screens/board.json?${qs({ page: String(page) })}`);
    const png = await getPng(`${base}/api/v1/screens/board.png?${qs({ page: String(page) })}`);
    const file = `board-${String(page).padStart(digits, '0')}.png`;
    await writeFile(join(opts.out, file), png);
    manifest.slides.push({ file, page, listingIds: board.listingIds });
    opts.onProgress?.(page, total, file);
  }
  try {
    await writeFile(join(opts.out, 'stats.png'), await getPng(`${base}/api/v1/screens/stats.png?${qs({})}`));
    manifest.slides.push({ file: 'stats.png' });
  } catch (err) {
    if (!(err instanceof DeckExportError) || err.exitCode !== 3) throw err;
    manifest.warnings.push(`统计页未导出：${err.message}`);
  }
  opts.onProgress?.(total, total, 'stats.png');
  await writeFile(join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function parseCli(argv: string[]): DeckOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        api: { type: 'string' },
        out: { type: 'string' },
        court: { type: 'string' },
        region: { type: 'string' },
        orientation: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    throw new DeckExportError(`参数有误：${(cause as Error).message}\n${USAGE}`, 64, { cause });
  }
  if (values.help) throw new DeckExportError(USAGE, 0);
  const { api, out, court, region, orientation } = values as Record<string, string | undefined>;
  if (!api || !out) throw new DeckExportError(`缺少 --api 或 --out。\n${USAGE}`, 64);
  if (!/^https?:\/\//.test(api))
    throw new DeckExportError(`--api 须为 http:// 或 https:// 开头的地址：${api}`, 64);
  if (orientation && orientation !== 'landscape' && orientation !== 'portrait') {
    throw new DeckExportError(
      `--orientation 只能是 landscape（横屏）或 portrait（竖屏）：${orientation}`,
      64,
    );
  }
  return { api, out: resolve(out), court, region, orientation: orientation as DeckOptions['orientation'] };
}

async function main(): Promise<void> {
  try {
    const opts = parseCli(process.argv.slice(2));
    let bar: ReturnType<typeof progressBar> | undefined;
    const manifest = await exportDeck({
      ...opts,
      onProgress: (done, total) => {
        bar ??= progressBar(total);
        bar.update(done);
      },
    });
    bar?.finish();
    for (const w of manifest.warnings) process.stderr.write(`注意：${w}\n`);
    process.stderr.write(`已导出 ${manifest.slides.length} 张幻灯片到 ${opts.out}\n`);
  } catch (err) {
    if (err instanceof DeckExportError) {
      process.stderr.write(`\n${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(`\n导出失败：${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.main) await main();
