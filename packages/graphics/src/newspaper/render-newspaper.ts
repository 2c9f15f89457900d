/**
 * The newspaper page: a vector PDF of the published list, set in newspaper columns, with the
 * legal notice, the consumption-ban items and how to report (with the tip form's QR code). The
 * CJK font (Noto Sans Hans, the one the slides use) is embedded as a subset of the glyphs used.
 */
import type { PublicListing } from '@portal/domain';
import PDFDocument from 'pdfkit';
import { loadFonts } from '../fonts.ts';
import { tipFormUrl } from '../qr.ts';
import { ColumnFlow, type Frame, type Placement } from './column-flow.ts';
import { CLIPPED_CHARS, type NewspaperEntry, newspaperEntry } from './listing-entry.ts';
import {
  CONSUMPTION_BAN_HEADING,
  CONSUMPTION_BAN_INTRO,
  CONSUMPTION_BAN_LINES,
  CONSUMPTION_BAN_ORG,
  DEMO_BANNER,
  datelineText,
  EMPTY_LIST_TEXT,
  HOW_TO_REPORT_HEADING,
  howToReportLines,
  legalNoticeParagraphs,
  MASTHEAD,
  scopeText,
} from './notice-text.ts';
import { columnRules, DEMO_FILL, drawQr, footer, GREY, INK, RED, runningHeader } from './page-furniture.ts';
import { PAPER, type PaperSize, type PaperSpec } from './paper.ts';

export interface NewspaperInput {
  /** public listings in print order (涉民生 first, then latest); all of them are printed */
  listings: readonly PublicListing[];
  /** how many listings are published in all (more than `listings.length` when the edition is capped) */
  total: number;
  size: PaperSize;
  /** the public site, for the search address and the tip form's QR code */
  siteUrl: string;
  /** `YYYY-MM-DD`, the day the list was read */
  asOf: string;
}

type Face = 'regular' | 'bold';

/** Text set in one face and size at one width: measured first, drawn later at a placement. */
interface TextRun {
  face: Face;
  size: number;
  text: string;
  width: number;
  color?: string;
  /** drawn after `text` on the same line, in the regular face and red */
  tail?: string;
}

/**
 * Renders the newspaper page PDF.
 * @example
 * const pdf = await renderNewspaperPdf({ listings, total: listings.length, size: 'A3', siteUrl, asOf: '2026-11-30' });
 */
export async function renderNewspaperPdf(input: NewspaperInput): Promise<Buffer> {
  const spec = PAPER[input.size];
  const doc = new PDFDocument({
    size: [spec.width, spec.height],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `${MASTHEAD}（${input.size}）`,
      Subject: datelineText(input.asOf),
      Creator: '失信曝光台',
    },
  });
  const [regular, bold] = loadFonts();
  if (!regular || !bold) throw new Error('CJK fonts missing');
  doc.registerFont('regular', regular.data);
  doc.registerFont('bold', bold.data);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const lineGap = spec.body * 0.3;
  // text layout is the costly part: every run is measured once, drawn once
  const heights = new WeakMap<TextRun, number>();
  const measure = (run: TextRun) => {
    let h = heights.get(run);
    if (h === undefined) {
      h = doc
        .font(run.face)
        .fontSize(run.size)
        .heightOfString(run.text + (run.tail ?? ''), { width: run.width, lineGap });
      heights.set(run, h);
    }
    return h;
  };
  const draw = (run: TextRun, x: number, y: number) => {
    doc
      .font(run.face)
      .fontSize(run.size)
      .fillColor(run.color ?? INK);
    if (!run.tail) {
      doc.text(run.text, x, y, { width: run.width, lineGap });
      return;
    }
    doc.text(run.text, x, y, { width: run.width, lineGap, continued: true });
    doc.font('regular').fillColor(RED).text(run.tail, { width: run.width, lineGap });
  };
  /** Runs stacked one under the other; returns the total height. */
  const stack = (runs: TextRun[], gap = 0) => runs.reduce((h, r) => h + measure(r) + gap, 0);
  const drawStack = (runs: TextRun[], x: number, y: number, gap = 0) => {
    let at = y;
    for (const r of runs) {
      draw(r, x, at);
      at += measure(r) + gap;
    }
    return at;
  };

  const content = spec.width - 2 * spec.margin;
  const columnWidth = (content - (spec.columns - 1) * spec.gutter) / spec.columns;
  const demo = input.listings.some((l) => l.demo);

  // page 1: masthead, notice, scope, then two boxes (consumption ban | how to report)
  const front = frontMatter(doc, input, spec, content, demo);
  const frontHeight = front.layout(measure, stack);
  const runningHead = spec.margin + spec.body * 2.6;
  const footerTop = spec.height - spec.margin + spec.body * 0.6;
  const columnBottom = spec.height - spec.margin;
  const framesOf = (page: number): Frame[] => {
    const top = page === 1 ? spec.margin + frontHeight + spec.body * 1.5 : runningHead + spec.body;
    return Array.from({ length: spec.columns }, (_, c) => ({
      x: spec.margin + c * (columnWidth + spec.gutter),
      y: top,
      width: columnWidth,
      height: columnBottom - top,
    }));
  };

  // measure and place every entry first, so every page can say how many pages there are
  const flow = new ColumnFlow(framesOf, spec.body * 1.1);
  const placed: { runs: TextRun[]; at: Placement; height: number; demo: boolean }[] = [];
  for (const listing of input.listings) {
    const runs = entryRuns(newspaperEntry(listing), spec, columnWidth);
    const height = stack(runs);
    placed.push({ runs, at: flow.place(height), height, demo: listing.demo });
  }
  const pages = flow.page;

  let i = 0;
  for (let page = 1; page <= pages; page++) {
    doc.addPage({ size: [spec.width, spec.height], margin: 0 });
    const onPage: typeof placed = [];
    while (placed[i] && placed[i]!.at.page === page) onPage.push(placed[i++]!);
    if (page === 1) front.draw(draw, drawStack);
    else
      runningHeader(
        doc,
        spec,
        input.asOf,
        onPage.some((e) => e.demo),
      );
    if (input.listings.length === 0 && page === 1) {
      draw(
        { face: 'regular', size: spec.body * 1.4, text: EMPTY_LIST_TEXT, width: content },
        spec.margin,
        framesOf(1)[0]!.y,
      );
    }
    columnRules(doc, framesOf(page), spec, onPage);
    for (const e of onPage) drawStack(e.runs, e.at.x, e.at.y);
    footer(doc, spec, page, pages, input.siteUrl, footerTop);
  }
  doc.end();
  return done;
}

function entryRuns(entry: NewspaperEntry, spec: PaperSpec, width: number): TextRun[] {
  const tail = entry.tags.map((t) => `【${t}】`).join('');
  return [
    {
      face: 'bold',
      size: spec.body * 1.25,
      text: entry.heading,
      width,
      ...(tail ? { tail: ` ${tail}` } : {}),
    },
    { face: 'regular', size: spec.body, text: entry.who.join('，'), width },
    // the rest run in, as newspaper notices set them: a third fewer lines than one field a line
    { face: 'regular', size: spec.body, text: `${entry.lines.join('；')}。`, width },
  ];
}

type Measure = (run: TextRun) => number;
type Stack = (runs: TextRun[], gap?: number) => number;
type Draw = (run: TextRun, x: number, y: number) => void;
type DrawStack = (runs: TextRun[], x: number, y: number, gap?: number) => number;

/** The first page's top: measured once (`layout`), then drawn (`draw`). */
function frontMatter(
  doc: PDFKit.PDFDocument,
  input: NewspaperInput,
  spec: PaperSpec,
  content: number,
  demo: boolean,
) {
  const { margin, body } = spec;
  const pad = body * 0.9;
  const tipUrl = tipFormUrl(input.siteUrl);
  const banWidth = content * 0.58;
  const reportWidth = content - banWidth - body * 1.5;
  const reportTextWidth = reportWidth - 2 * pad - spec.qr - body;
  const notice: TextRun[] = legalNoticeParagraphs(input.siteUrl).map((text) => ({
    face: 'regular',
    size: body * 1.15,
    text,
    width: content,
  }));
  const scope: TextRun = {
    face: 'bold',
    size: body * 1.1,
    text: scopeText(input.listings.length, input.total, CLIPPED_CHARS),
    width: content,
  };
  const ban: TextRun[] = [
    { face: 'bold', size: body * 1.3, text: CONSUMPTION_BAN_HEADING, width: banWidth - 2 * pad, color: RED },
    { face: 'regular', size: body, text: CONSUMPTION_BAN_INTRO, width: banWidth - 2 * pad },
    ...CONSUMPTION_BAN_LINES.map((text) => ({
      face: 'regular' as const,
      size: body,
      text,
      width: banWidth - 2 * pad,
    })),
    { face: 'regular', size: body, text: CONSUMPTION_BAN_ORG, width: banWidth - 2 * pad, color: GREY },
  ];
  const report: TextRun[] = [
    { face: 'bold', size: body * 1.3, text: HOW_TO_REPORT_HEADING, width: reportTextWidth, color: RED },
    ...howToReportLines(tipUrl).map((text, k) => ({
      face: (text === tipUrl ? 'bold' : 'regular') as Face,
      size: body,
      text,
      width: reportTextWidth,
      ...(k === 4 ? { color: GREY } : {}),
    })),
  ];
  const dateline: TextRun = {
    face: 'regular',
    size: body * 1.3,
    text: datelineText(input.asOf),
    width: content,
  };
  const banner: TextRun = { face: 'bold', size: body * 1.3, text: DEMO_BANNER, width: content - 2 * pad };

  let h = { mast: 0, dateline: 0, banner: 0, notice: 0, scope: 0, boxes: 0 };
  return {
    layout(measure: Measure, stack: Stack): number {
      h = {
        mast: spec.masthead * 1.3,
        dateline: measure(dateline),
        banner: demo ? measure(banner) + 2 * pad * 0.6 : 0,
        notice: stack(notice, body * 0.4),
        scope: measure(scope),
        boxes: Math.max(stack(ban, body * 0.15), stack(report, body * 0.3), spec.qr) + 2 * pad,
      };
      const gap = body;
      return h.mast + h.dateline + gap + (demo ? h.banner + gap : 0) + h.notice + h.scope + gap + h.boxes;
    },
    draw(draw: Draw, drawStack: DrawStack): void {
      let y = margin;
      doc
        .font('bold')
        .fontSize(spec.masthead)
        .fillColor(RED)
        .text(MASTHEAD, margin, y, {
          width: content,
          align: 'center',
          characterSpacing: spec.masthead * 0.15,
        });
      y += h.mast;
      doc.font('regular').fontSize(dateline.size).fillColor(INK);
      doc.text(dateline.text, margin, y, { width: content, align: 'center' });
      y += h.dateline;
      doc
        .moveTo(margin, y + body * 0.3)
        .lineTo(margin + content, y + body * 0.3)
        .lineWidth(1.6)
        .stroke(RED);
      doc
        .moveTo(margin, y + body * 0.65)
        .lineTo(margin + content, y + body * 0.65)
        .lineWidth(0.5)
        .stroke(RED);
      y += body;
      if (demo) {
        doc.rect(margin, y, content, h.banner).fill(DEMO_FILL);
        draw(banner, margin + pad, y + pad * 0.6);
        y += h.banner + body;
      }
      y = drawStack(notice, margin, y, body * 0.4);
      draw(scope, margin, y);
      y += h.scope + body;
      doc.rect(margin, y, banWidth, h.boxes).lineWidth(0.8).stroke(RED);
      drawStack(ban, margin + pad, y + pad, body * 0.15);
      const rx = margin + content - reportWidth;
      doc.rect(rx, y, reportWidth, h.boxes).lineWidth(0.8).stroke(RED);
      drawStack(report, rx + pad, y + pad, body * 0.3);
      drawQr(doc, tipUrl, rx + reportWidth - pad - spec.qr, y + pad, spec.qr);
    },
  };
}
