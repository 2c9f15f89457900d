/**
 * Board slide, 1920×1080 PNG: satori + resvg (in process, fonts loaded once) against a
 * screenshot of the same slide as an HTML page in headless Chromium (browser launched once,
 * one page reused, system Noto CJK font). Both warm; N renders each, run alternately so both
 * see the same machine load. Prints median wall time, median CPU time per render, peak RSS
 * and the ratios. CPU time is reported because wall time on a shared 2-core box is noisy.
 *
 * Targets (issue 5): satori ≥ 5× faster than Chromium, ≤ 80 ms median per PNG.
 * Run alone: node tests/bench/graphics.bench.ts
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { boardSlidePlan, formatDateZh, loadFonts, renderBoardSlide } from '@portal/graphics';
import { qrDataUri } from '../../packages/graphics/src/qr.ts';
import { fakeListings } from '../../packages/graphics/src/testing/fixtures.ts';
import { CHROMIUM_PATH, launchChromium } from '../support/chromium.ts';
import { boardHtml } from './graphics-board-html.ts';
import { descendantsUsage, loadAverage, selfCpuMs } from './graphics-proc.ts';

const N = 30;
const WARMUP = 3;
const OUT_DIR = join(import.meta.dirname, '..', '..', 'bench-results');

interface Side {
  medianMs: number;
  p95Ms: number;
  cpuMsPerRender: number;
  peakRssMb: number;
}

export interface GraphicsBenchResult {
  n: number;
  loadAverage: { before: number; after: number; cores: number };
  satori: Side & { firstMs: number };
  chromium: (Side & { launchMs: number }) | null;
  ratio: { wall: number; cpu: number } | null;
  targets: { fiveTimesFaster: boolean | null; under80ms: boolean };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function timed(fn: () => Promise<unknown>, cpu: () => number, wall: number[], cpuMs: number[]) {
  const c = cpu();
  const t = performance.now();
  await fn();
  wall.push(performance.now() - t);
  cpuMs.push(cpu() - c);
}

export async function run(): Promise<GraphicsBenchResult> {
  const before = loadAverage();
  const plan = boardSlidePlan(fakeListings(40), { orientation: 'landscape' });
  const listings = plan.slides[0] ?? [];
  const input = {
    listings,
    page: 1,
    pages: plan.pages,
    courtName: '海南省儋州市人民法院',
    orientation: 'landscape' as const,
    siteUrl: 'https://sxbg.example.gov.cn',
    date: new Date('2026-11-27T02:00:00Z'),
  };
  mkdirSync(OUT_DIR, { recursive: true });

  const t = performance.now();
  loadFonts();
  writeFileSync(join(OUT_DIR, 'graphics-satori.png'), await renderBoardSlide(input));
  const firstMs = performance.now() - t;
  const satoriShot = () => renderBoardSlide(input);
  for (let i = 0; i < WARMUP; i++) await satoriShot();

  const browser = existsSync(CHROMIUM_PATH) ? await launch() : null;
  const page = browser ? await browser.browser.newPage({ viewport: { width: 1920, height: 1080 } }) : null;
  const html = boardHtml({
    listings,
    page: 1,
    pages: plan.pages,
    courtName: input.courtName,
    dateText: formatDateZh(input.date),
    qrDataUri: await qrDataUri(`${input.siteUrl}/report/`),
  });
  const chromiumShot = async () => {
    if (!page) return;
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    return page.screenshot({ type: 'png' });
  };
  if (page) {
    writeFileSync(join(OUT_DIR, 'graphics-chromium.png'), (await chromiumShot()) ?? Buffer.alloc(0));
    for (let i = 0; i < WARMUP; i++) await chromiumShot();
  }

  const sWall: number[] = [];
  const sCpu: number[] = [];
  const cWall: number[] = [];
  const cCpu: number[] = [];
  let chromiumPeakKb = 0;
  const childCpu = () => descendantsUsage().cpuMs + selfCpuMs();
  for (let i = 0; i < N; i++) {
    await timed(satoriShot, selfCpuMs, sWall, sCpu);
    if (page) {
      await timed(chromiumShot, childCpu, cWall, cCpu);
      chromiumPeakKb = Math.max(chromiumPeakKb, descendantsUsage().rssKb);
    }
  }
  const satoriPeakMb = process.resourceUsage().maxRSS / 1024;
  await browser?.browser.close();

  const satori = {
    medianMs: quantile(sWall, 0.5),
    p95Ms: quantile(sWall, 0.95),
    cpuMsPerRender: quantile(sCpu, 0.5),
    peakRssMb: satoriPeakMb,
    firstMs,
  };
  const chromiumSide = browser
    ? {
        medianMs: quantile(cWall, 0.5),
        p95Ms: quantile(cWall, 0.95),
        // /proc CPU counters tick at 10 ms, so the mean is the meaningful per-render figure here
        cpuMsPerRender: cCpu.reduce((a, b) => a + b, 0) / cCpu.length,
        peakRssMb: chromiumPeakKb / 1024,
        launchMs: browser.launchMs,
      }
    : null;
  const ratio = chromiumSide
    ? {
        wall: chromiumSide.medianMs / satori.medianMs,
        cpu: chromiumSide.cpuMsPerRender / (sCpu.reduce((a, b) => a + b, 0) / sCpu.length),
      }
    : null;
  const result: GraphicsBenchResult = {
    n: N,
    loadAverage: { before, after: loadAverage(), cores: cpus().length },
    satori,
    chromium: chromiumSide,
    ratio,
    targets: { fiveTimesFaster: ratio === null ? null : ratio.wall >= 5, under80ms: satori.medianMs <= 80 },
  };
  print(result);
  writeFileSync(join(OUT_DIR, 'graphics.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

async function launch() {
  const t = performance.now();
  const browser = await launchChromium();
  return { browser, launchMs: performance.now() - t };
}

function print(r: GraphicsBenchResult): void {
  const f = (x: number) => x.toFixed(1);
  const s = r.satori;
  const c = r.chromium;
  const met = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
  const lines = [
    `graphics: board slide 1920×1080 PNG, warm, N=${r.n}, load average ${f(r.loadAverage.before)} → ${f(r.loadAverage.after)} on ${r.loadAverage.cores} cores`,
    `  satori+resvg  median ${f(s.medianMs)} ms  p95 ${f(s.p95Ms)} ms  CPU ${f(s.cpuMsPerRender)} ms/render  first ${f(s.firstMs)} ms (fonts + first layout)  peak RSS ${f(s.peakRssMb)} MB (node process)`,
    c
      ? `  chromium      median ${f(c.medianMs)} ms  p95 ${f(c.p95Ms)} ms  CPU ${f(c.cpuMsPerRender)} ms/render  launch ${f(c.launchMs)} ms  peak RSS ${f(c.peakRssMb)} MB (browser process tree)`
      : '  chromium      skipped: /usr/bin/chromium not found (apt-get install -y chromium fonts-noto-cjk)',
    r.ratio
      ? `  ratio chromium / satori: wall ${f(r.ratio.wall)}×, CPU ${f(r.ratio.cpu)}×`
      : '  ratio chromium / satori: n/a',
    `  target ≥ 5× faster (wall median): ${met(r.targets.fiveTimesFaster)}`,
    `  target ≤ 80 ms median per PNG: ${met(r.targets.under80ms)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.main) await run();
