import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { loadFonts } from './fonts.ts';
import { renderSvg } from './render.ts';
import { boardSlideTree } from './templates/board-slide.ts';
import { shareCardTree } from './templates/share-card.ts';
import { fakeListing, fakeListings } from './testing/fixtures.ts';

const site = 'https://sxbg.example.gov.cn';

/** Pixels that differ by more than anti-aliasing noise (> 64 of 255 in any channel). */
function visibleDifferences(a: string, b: string): number {
  const render = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  const pa = render(a);
  const pb = render(b);
  let n = 0;
  for (let i = 0; i < pa.length; i++) if (Math.abs((pa[i] ?? 0) - (pb[i] ?? 0)) > 64) n++;
  return n;
}

describe('cached glyph outlines', () => {
  it('draw slides and cards exactly like satori outlining the glyphs itself', async () => {
    const cases = [
      {
        tree: await boardSlideTree({
          listings: fakeListings(6),
          page: 1,
          pages: 3,
          courtName: '海南省儋州市人民法院',
          orientation: 'landscape',
          siteUrl: site,
          date: new Date('2026-11-27T02:00:00Z'),
        }),
        size: { width: 1920, height: 1080 },
      },
      {
        // a Latin ligature (ff) and kerning (AV) as well as CJK and digits
        tree: await shareCardTree(fakeListing(3, { name: 'Tiffany AV 公司' }), { siteUrl: site }),
        size: { width: 1080, height: 1440 },
      },
    ];
    for (const { tree, size } of cases) {
      const ours = await renderSvg(tree, size);
      expect(ours).not.toContain('<text');
      const theirs = await satori(tree as unknown as Parameters<typeof satori>[0], {
        ...size,
        embedFont: true,
        fonts: loadFonts(),
      });
      expect(visibleDifferences(ours, theirs)).toBe(0);
    }
  });
});
