/**
 * What every newspaper page carries around the listings: the running header of continuation
 * pages, the rules between columns, the footer, and the vector QR code of the front matter.
 */
import { joinUrl, qrMatrix } from '../qr.ts';
import type { Frame, Placement } from './column-flow.ts';
import { datelineText, MASTHEAD } from './notice-text.ts';
import type { PaperSpec } from './paper.ts';

export const INK = '#111111';
export const RED = '#a4161a';
export const GREY = '#555555';
export const DEMO_FILL = '#ffe066';

/** Vector QR code: one filled rectangle per run of dark modules, on white, with a quiet zone. */
export function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, side: number): void {
  const m = qrMatrix(url);
  const quiet = 2;
  const cell = side / (m.size + 2 * quiet);
  doc.rect(x, y, side, side).fill('#ffffff');
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.isDark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.isDark(r, c)) c++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell, cell);
    }
  }
  doc.fill('#000000');
}

/** The top of every page after the first: masthead (续), dateline, the 演示数据 label. */
export function runningHeader(doc: PDFKit.PDFDocument, spec: PaperSpec, asOf: string, demo: boolean): void {
  const { margin, body } = spec;
  const width = spec.width - 2 * margin;
  doc
    .font('bold')
    .fontSize(body * 1.4)
    .fillColor(RED);
  doc.text(`${MASTHEAD}（续）`, margin, margin, { width, align: 'left' });
  doc.font('regular').fontSize(body).fillColor(INK);
  doc.text(datelineText(asOf), margin, margin + body * 0.4, { width, align: 'right' });
  if (demo) {
    doc.font('bold').fontSize(body).fillColor(INK);
    const label = '本页含演示数据（虚构信息）';
    const w = doc.widthOfString(label) + body;
    const x = margin + width / 2 - w / 2;
    doc.rect(x, margin, w, body * 1.6).fill(DEMO_FILL);
    doc.fillColor(INK).text(label, x + body / 2, margin + body * 0.25, { width: w, lineBreak: false });
  }
  const y = margin + body * 2.1;
  doc
    .moveTo(margin, y)
    .lineTo(margin + width, y)
    .lineWidth(1)
    .stroke(RED);
}

/** Thin rules between used columns, as a newspaper sets them. */
export function columnRules(
  doc: PDFKit.PDFDocument,
  frames: Frame[],
  spec: PaperSpec,
  onPage: { at: Placement; height: number }[],
): void {
  for (let c = 1; c < frames.length; c++) {
    const f = frames[c]!;
    const inColumn = onPage.filter((e) => e.at.column === c);
    if (inColumn.length === 0) continue;
    const last = inColumn[inColumn.length - 1]!;
    const x = f.x - spec.gutter / 2;
    doc
      .moveTo(x, f.y)
      .lineTo(x, last.at.y + last.height)
      .lineWidth(0.4)
      .stroke(GREY);
  }
}

/** Page number and the search address at the foot of every page. */
export function footer(
  doc: PDFKit.PDFDocument,
  spec: PaperSpec,
  page: number,
  pages: number,
  siteUrl: string,
  y: number,
): void {
  const { margin, body } = spec;
  const width = spec.width - 2 * margin;
  doc.font('regular').fontSize(body).fillColor(GREY);
  doc.text(`第 ${page} 页，共 ${pages} 页`, margin, y, { width, align: 'center', lineBreak: false });
  doc.text(joinUrl(siteUrl, '/search'), margin, y, { width, align: 'right', lineBreak: false });
}
