/**
 * Fits text into a box before satori sees it, so the tree holds exactly the string that is
 * drawn (tests compare the two) and nothing ever spills out of its column.
 *
 * Widths are estimated from Noto Sans Hans advance widths, rounded up: CJK and full-width
 * forms are 1 em, digits 0.555 em, Latin letters at most 0.7 em. Over-estimating only costs a
 * character earlier than strictly needed.
 */

const ELLIPSIS = '…';

/** Advance width of one character, in em. */
export function charWidthEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f && ch !== ELLIPSIS)) return 1;
  if (ch === ELLIPSIS) return 1;
  if (cp >= 0x30 && cp <= 0x39) return 0.56;
  if (cp >= 0x41 && cp <= 0x5a) return 0.7;
  if (ch === ' ' || ch === '.' || ch === ',' || ch === '*') return 0.45;
  return 0.62;
}

/** Estimated rendered width in px of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * fontSize;
}

/**
 * Truncates `text` with "…" so that it fits `lines` lines of `maxWidth` px at `fontSize`.
 * Line wrapping is approximated as total width ≤ lines × maxWidth × 0.95 (CJK wraps per char).
 * @example fitText('某某某某某某某某某某有限责任公司', 40, 300) // '某某某某某某…'
 */
export function fitText(text: string, fontSize: number, maxWidth: number, lines = 1): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const budget = lines === 1 ? maxWidth : lines * maxWidth * 0.95;
  if (textWidth(clean, fontSize) <= budget) return clean;
  const room = budget - charWidthEm(ELLIPSIS) * fontSize;
  let used = 0;
  let out = '';
  for (const ch of clean) {
    const w = charWidthEm(ch) * fontSize;
    if (used + w > room) break;
    used += w;
    out += ch;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}
