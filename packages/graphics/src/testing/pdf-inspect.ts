/**
 * Reads a PDF the way a reader's software does, for tests: Mozilla's PDF.js (pdfjs-dist) parses
 * it, extracts the text through the fonts' ToUnicode maps, and reports the fonts it loaded.
 * Nothing here knows how the PDF was made.
 */
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** MediaBox size in points */
  width: number;
  height: number;
  /** the page's text in drawing order, one line of text per drawn run, joined with `\n` */
  text: string;
}

export interface PdfFont {
  /** the BaseFont name, e.g. `CZZZZZ+NotoSansHans-Regular` */
  name: string;
  /** true when the font program is in the file (PDF.js did not have to substitute one) */
  embedded: boolean;
}

export interface PdfInspection {
  pages: PdfPage[];
  fonts: PdfFont[];
  /** every page's text and the document information (title, subject…), joined with `\n` */
  text: string;
}

/** Pages, text and fonts of a PDF. Throws when PDF.js cannot parse it. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  const task = getDocument({
    // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy
    data: new Uint8Array(bytes),
    fontExtraProperties: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const lines: string[] = [];
      for (const item of content.items) if ('str' in item) lines.push(item.str);
      pages.push({ width: round2(x1 - x0), height: round2(y1 - y0), text: lines.join('\n') });
      // the operator list makes PDF.js load every font the page uses into commonObjs
      await page.getOperatorList();
      for (const id of Object.keys(content.styles)) {
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean } | undefined;
        if (font?.name) fonts.set(font.name, { name: font.name, embedded: font.missingFile === false });
      }
      page.cleanup();
    }
    const { info } = await doc.getMetadata();
    const infoText = Object.values((info ?? {}) as Record<string, unknown>).filter(
      (v) => typeof v === 'string',
    );
    return { pages, fonts: [...fonts.values()], text: [...pages.map((p) => p.text), ...infoText].join('\n') };
  } finally {
    await task.destroy();
  }
}

/**
 * The file as Latin-1 text plus every Flate-compressed stream inflated, so a search for a string
 * sees the page contents, font programs and metadata as well as the raw bytes. Hex strings
 * (`<0001000a…>`, the glyph ids that content streams draw) are left out: they are runs of hex
 * digits by nature, and the text they draw is checked through `inspectPdf`'s extraction.
 */
export function pdfBytesForSearch(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const raw = buf.toString('latin1');
  const parts = [raw];
  const streamStart = /stream\r?\n/g;
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(buf.subarray(start, end)).toString('latin1'));
    } catch {
      // not Flate-compressed (or not a stream): the raw bytes above already cover it
    }
    streamStart.lastIndex = end;
  }
  return parts.join('\n').replace(/<[0-9A-Fa-f\s]+>/g, '<>');
}

/** Text with line breaks and spaces taken out, for finding a value a column wrapped across lines. */
export function unwrapped(text: string): string {
  return text.replace(/\s+/g, '');
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
