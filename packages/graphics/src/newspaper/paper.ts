/** The two newspaper page sizes and their type set, in PostScript points (1/72 in). */
export type PaperSize = 'A3' | 'A4';
export const PAPER_SIZES: readonly PaperSize[] = ['A3', 'A4'];

export interface PaperSpec {
  width: number;
  height: number;
  margin: number;
  columns: number;
  gutter: number;
  /** body text size; headings scale from it */
  body: number;
  masthead: number;
  /** side of the printed QR code */
  qr: number;
}

/**
 * ISO 216 sizes (A3 297×420 mm, A4 210×297 mm). Body sizes near a newspaper's small notice type
 * (6.5 pt on A4, 8 pt on A3) keep an entry to about nine lines of its column.
 */
export const PAPER: Readonly<Record<PaperSize, PaperSpec>> = {
  A3: { width: 841.89, height: 1190.55, margin: 36, columns: 4, gutter: 14, body: 8, masthead: 40, qr: 96 },
  A4: { width: 595.28, height: 841.89, margin: 28, columns: 3, gutter: 10, body: 6.5, masthead: 28, qr: 76 },
};
