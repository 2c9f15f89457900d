import type { PublicListing } from '@portal/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeListing, fakeListings } from '../testing/fixtures.ts';
import { fullIdNumbersIn } from '../testing/full-id-numbers.ts';
import { inspectPdf, type PdfInspection, pdfBytesForSearch, unwrapped } from '../testing/pdf-inspect.ts';
import { MAX_NEWSPAPER_LISTINGS } from './limits.ts';
import { type NewspaperInput, renderNewspaperPdf } from './render-newspaper.ts';

const SITE = 'https://sxpt.example.cn';
const AS_OF = '2026-11-30';

function edition(listings: PublicListing[], over: Partial<NewspaperInput> = {}): NewspaperInput {
  return { listings, total: listings.length, size: 'A3', siteUrl: SITE, asOf: AS_OF, ...over };
}

/** 60 listings, every fifth synthetic (demo), with distinct case numbers to find each one by. */
const mixed = fakeListings(60).map((l, i) => ({ ...l, demo: i % 5 === 0 }));

describe('the newspaper page PDF', () => {
  let a3: Buffer;
  let a3Read: PdfInspection;
  beforeAll(async () => {
    a3 = await renderNewspaperPdf(edition(mixed));
    a3Read = await inspectPdf(a3);
  });

  it('is an A3 PDF of as many 841.89×1190.55 pt pages as the list needs', () => {
    expect(a3.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a3Read.pages.length).toBeGreaterThan(1);
    for (const p of a3Read.pages) expect({ w: p.width, h: p.height }).toEqual({ w: 841.89, h: 1190.55 });
    expect(a3Read.pages.at(-1)?.text).toContain(`第 ${a3Read.pages.length} 页，共 ${a3Read.pages.length} 页`);
  });

  it('is A4 (595.28×841.89 pt) when asked, and needs more pages than A3 for the same list', async () => {
    const a4 = await inspectPdf(await renderNewspaperPdf(edition(mixed, { size: 'A4' })));
    for (const p of a4.pages) expect({ w: p.width, h: p.height }).toEqual({ w: 595.28, h: 841.89 });
    expect(a4.pages.length).toBeGreaterThan(a3Read.pages.length);
  });

  it('has extractable text: every listing exactly once, with its name and masked ID number, in print order', () => {
    const all = unwrapped(a3Read.text);
    let last = -1;
    for (const l of mixed) {
      const at = all.indexOf(unwrapped(l.caseNo));
      expect(at, l.caseNo).toBeGreaterThan(last);
      expect(all.indexOf(unwrapped(l.caseNo), at + 1), `${l.caseNo} printed twice`).toBe(-1);
      last = at;
      expect(all).toContain(l.name);
      if (l.idNumberMasked) expect(all).toContain(l.idNumberMasked);
    }
  });

  it('carries the legal notice, the nine consumption-ban items and how to report with the tip form address', () => {
    const front = unwrapped(a3Read.pages[0]?.text ?? '');
    expect(front).toContain('失信被执行人名单公告');
    expect(front).toContain('法释〔2017〕7号');
    expect(front).toContain('不得有以下行为');
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) expect(front).toContain(`${n}.`);
    expect(front).toContain('子女就读高收费私立学校');
    expect(front).toContain('12368');
    expect(front).toContain(`${SITE}/report/`);
    expect(front).toContain('本版刊登公布中的全部60条名单信息');
  });

  it('marks 演示数据 where demo listings appear, and nowhere in an edition of real listings', async () => {
    expect(a3Read.text).toContain('演示数据');
    const real = fakeListings(20).map((l) => ({ ...l, demo: false }));
    const text = (await inspectPdf(await renderNewspaperPdf(edition(real)))).text;
    expect(text).not.toContain('演示数据');
  });

  it('contains no full 18-digit ID number in its bytes, its inflated streams or its text', () => {
    expect(fullIdNumbersIn(pdfBytesForSearch(a3))).toEqual([]);
    expect(fullIdNumbersIn(a3Read.text)).toEqual([]);
    expect(fullIdNumbersIn(unwrapped(a3Read.text))).toEqual([]);
  });

  it('embeds its CJK fonts as subsets (ABCDEF+ name prefix), far smaller than the 8 MB font files', () => {
    expect(a3Read.fonts.length).toBeGreaterThan(0);
    for (const f of a3Read.fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
      expect(f.embedded).toBe(true);
    }
    expect(a3.byteLength).toBeLessThan(2_000_000);
  });

  it('says what a capped edition includes: how many of how many, and in which order', async () => {
    const read = await inspectPdf(await renderNewspaperPdf(edition(mixed.slice(0, 10), { total: 5000 })));
    const front = unwrapped(read.pages[0]?.text ?? '');
    expect(front).toContain('公布中的名单共5000条，本版限于篇幅刊登其中10条');
    expect(front).toContain('涉民生案件在前');
    expect(front).toContain('其余4990条请在失信曝光台查询');
  });

  it('prints one page saying the list is empty when nothing is published', async () => {
    const read = await inspectPdf(await renderNewspaperPdf(edition([])));
    expect(read.pages).toHaveLength(1);
    expect(read.text).toContain('目前没有公布中的失信被执行人名单信息');
  });

  it(`keeps a full edition of ${MAX_NEWSPAPER_LISTINGS} listings with 2,000-character obligations within bounds`, async () => {
    const big = Array.from({ length: MAX_NEWSPAPER_LISTINGS }, (_, i) =>
      fakeListing(i, { obligation: '支付工程款及利息'.repeat(250) }),
    );
    const pdf = await renderNewspaperPdf(edition(big, { size: 'A4' }));
    const read = await inspectPdf(pdf);
    expect(unwrapped(read.text)).toContain(unwrapped(big.at(-1)!.caseNo));
    expect(pdf.byteLength).toBeLessThan(8_000_000);
  }, 120_000);
});
