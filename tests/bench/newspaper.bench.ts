/**
 * The newspaper page PDF (packages/graphics/src/newspaper): wall and CPU time, pages, file size
 * and RSS for editions of 100 and of the cap (1,000) listings, A3 and A4, fonts warm (the API
 * draws it in the graphics worker, which keeps them loaded between renders). Prints one table.
 * Target: a capped edition in ≤ 5 s of CPU on this 2-core machine, the file ≤ 2 MB.
 * Run alone: node tests/bench/newspaper.bench.ts
 */
import { MAX_NEWSPAPER_LISTINGS, type PaperSize, renderNewspaperPdf } from '@portal/graphics';
import { fakeListings } from '../../packages/graphics/src/testing/fixtures.ts';

export interface NewspaperBenchRow {
  size: PaperSize;
  listings: number;
  wallMs: number;
  cpuMs: number;
  pages: number;
  bytes: number;
  rssMb: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function run(): Promise<NewspaperBenchRow[]> {
  const edition = (n: number, size: PaperSize) => ({
    listings: fakeListings(n).map((l, i) => ({ ...l, demo: i % 7 === 0 })),
    total: n,
    size,
    siteUrl: 'https://sxpt.example.cn',
    asOf: '2026-11-30',
  });
  await renderNewspaperPdf(edition(10, 'A4')); // fonts parsed once, as in the warm worker
  const rows: NewspaperBenchRow[] = [];
  for (const n of [100, MAX_NEWSPAPER_LISTINGS]) {
    for (const size of ['A3', 'A4'] as const) {
      const c = cpuMs();
      const t = performance.now();
      const pdf = await renderNewspaperPdf(edition(n, size));
      const wallMs = performance.now() - t;
      const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      rows.push({
        size,
        listings: n,
        wallMs: Math.round(wallMs),
        cpuMs: Math.round(cpuMs() - c),
        pages,
        bytes: pdf.byteLength,
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
      });
    }
  }
  console.table(rows);
  const capped = rows.filter((r) => r.listings === MAX_NEWSPAPER_LISTINGS);
  const ok = capped.every((r) => r.cpuMs <= 5000 && r.bytes <= 2_000_000);
  console.log(`target (capped edition ≤ 5 s CPU, ≤ 2 MB): ${ok ? 'met' : 'NOT met'}`);
  return rows;
}

if (import.meta.main) await run();
