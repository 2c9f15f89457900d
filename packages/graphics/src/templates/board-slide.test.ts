import type { PublicListing } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { boardSlidePlan } from '../plan/board-plan.ts';
import { qrDataUri } from '../qr.ts';
import { renderSvg } from '../render.ts';
import { fakeListing } from '../testing/fixtures.ts';
import { drawnText } from '../testing/inspect.ts';
import { type BoardSlideInput, boardSlideTree } from './board-slide.ts';
import { shareCardTree } from './share-card.ts';

const site = 'https://sxbg.example.gov.cn';
const LANDSCAPE = { width: 1920, height: 1080 };
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Listings whose names, case numbers and IDs are all distinct. */
function uniqueListings(n: number): PublicListing[] {
  return Array.from({ length: n }, (_, i) =>
    fakeListing(i, {
      name: `符${STEMS[i % 10]}${BRANCHES[Math.floor(i / 10)]}`,
      kind: 'person',
      uscc: undefined,
      idNumberMasked: `4600031980****${2000 + i}`,
    }),
  );
}

function slide(listings: readonly PublicListing[], over: Partial<BoardSlideInput> = {}): BoardSlideInput {
  return {
    listings,
    page: 1,
    pages: 1,
    courtName: '儋州市人民法院',
    orientation: 'landscape',
    siteUrl: site,
    ...over,
  };
}

describe('board slide content', () => {
  it('draws exactly the listings its plan puts on that page, and no other', async () => {
    const all = uniqueListings(20);
    for (const orientation of ['landscape', 'portrait'] as const) {
      const plan = boardSlidePlan(all, { orientation });
      const onPage = plan.slides[1] ?? [];
      expect(onPage.length).toBeGreaterThan(0);
      const size = orientation === 'portrait' ? { width: 1080, height: 1920 } : LANDSCAPE;
      const text = await drawnText(
        await boardSlideTree(slide(onPage, { page: 2, pages: plan.pages, orientation })),
        size,
      );
      for (const l of all) {
        const planned = onPage.includes(l);
        expect(text.includes(l.name), `${l.name} drawn=${!planned}`).toBe(planned);
        expect(text.includes(l.caseNo)).toBe(planned);
        expect(text.includes(l.idNumberMasked ?? '?')).toBe(planned);
      }
      expect(text).toContain(`第 2 / ${plan.pages} 页`);
    }
  });

  it('truncates a long name with an ellipsis instead of overflowing', async () => {
    const name = '海南省某某某某某某某某某某某某建筑劳务工程集团有限责任公司第三分公司';
    const text = await drawnText(await boardSlideTree(slide([fakeListing(3, { name })])), LANDSCAPE);
    expect(text).not.toContain(name);
    expect(text).toMatch(/海南省某+…/);
  });

  it('shows the 演示数据 banner when any listing is demo data, and only then', async () => {
    const real = uniqueListings(3);
    const withDemo = [...real.slice(0, 2), { ...real[2]!, demo: true }];
    expect(await drawnText(await boardSlideTree(slide(withDemo)), LANDSCAPE)).toContain('演示数据');
    expect(await drawnText(await boardSlideTree(slide(real)), LANDSCAPE)).not.toContain('演示数据');
  });

  it('never draws a field outside PublicListing (full ID number, address, phone, photo)', async () => {
    const leaky = {
      ...fakeListing(0),
      idNumber: '460003198001011234',
      address: '海南省儋州市那大镇人民大道88号',
      phone: '13876543210',
      photoUrl: 'https://example.cn/photo.jpg',
    } as PublicListing;
    const secrets = ['460003198001011234', '0101', '人民大道', '13876543210', 'photo.jpg'];
    const trees = [await boardSlideTree(slide([leaky])), await shareCardTree(leaky, { siteUrl: site })];
    const sizes = [LANDSCAPE, { width: 1080, height: 1440 }];
    for (const [i, tree] of trees.entries()) {
      const size = sizes[i]!;
      const text = await drawnText(tree, size);
      for (const s of secrets) expect(text).not.toContain(s);
      const svg = await renderSvg(tree, { ...size, embedFont: false });
      expect(svg.match(/<image /g)?.length, 'only the QR code is an image').toBe(1);
    }
  });

  it('carries a 扫码举报 code to the tip form on the board, and to the tip form for its listing on the card', async () => {
    const board = await renderSvg(await boardSlideTree(slide(uniqueListings(2))), LANDSCAPE);
    expect(board).toContain(await qrDataUri(`${site}/report/`));
    const l = fakeListing(7);
    const card = await renderSvg(await shareCardTree(l, { siteUrl: `${site}/` }), {
      width: 1080,
      height: 1440,
    });
    expect(card).toContain(await qrDataUri(`${site}/report/?listing=${encodeURIComponent(l.id)}`));
    expect(card).not.toContain(await qrDataUri(`${site}/listings/${l.id}/`));
  });
});
