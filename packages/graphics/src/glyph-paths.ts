import { createRequire } from 'node:module';
import { loadFonts } from './fonts.ts';

/**
 * Turns the `<text>` runs of a satori SVG (rendered with `embedFont: false`) into glyph outlines,
 * so resvg needs no font database. Same result as satori's `embedFont: true`, but each glyph's
 * outline is formatted once per font size and reused: satori re-formats every coordinate of
 * every glyph on every render, which was a third of a board slide's layout time.
 *
 * A glyph is cached as relative path commands whose points are rounded to 0.1 px in the
 * glyph's own frame (as satori rounds them), so a cached outline placed at a new origin is
 * the same shape, shifted by less than 0.05 px.
 * Shaping is per `<text>` run: Latin runs get the font's ligatures and kerning, CJK maps one
 * character to one glyph. One known difference: a "…" right after Latin text keeps the centred
 * CJK form, where satori's harfbuzz would pick the baseline form (same advance, so same layout).
 */

interface OtGlyph {
  index: number;
  advanceWidth?: number;
  path: { commands: OtCommand[] };
}
type OtCommand =
  | { type: 'M'; x: number; y: number }
  | { type: 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };
interface OtFont {
  unitsPerEm: number;
  charToGlyphIndex(ch: string): number;
  stringToGlyphs(text: string): OtGlyph[];
  glyphs: { get(index: number): OtGlyph | undefined };
  position: {
    getKerningTables(script: string, language?: string): unknown;
    getKerningValue(tables: unknown, left: number, right: number): number;
    getDefaultScriptName(): string;
  };
}

interface Face {
  font: OtFont;
  kerning: unknown;
  /** `${glyphIndex}|${fontSize}` → outline */
  outlines: Map<string, Outline>;
  kernPairs: Map<number, number>;
  glyphIndex: Map<string, number>;
}
/** first point in tenths of a px (glyph frame, y down) and the rest as relative commands */
interface Outline {
  x0: number;
  y0: number;
  rest: string;
}

/** satori's own opentype.js fork (already installed with it; it ships no type declarations) */
const opentype = createRequire(import.meta.url)('@shuding/opentype.js') as {
  parse(buffer: ArrayBuffer, options: { lowMemory: boolean }): OtFont;
};

let faces: Map<number, Face> | undefined;

function loadFaces(): Map<number, Face> {
  if (faces) return faces;
  faces = new Map();
  for (const f of loadFonts()) {
    const bytes = new Uint8Array(f.data).buffer; // a copy, so no pooled or shared buffer
    const font = opentype.parse(bytes, { lowMemory: true });
    const kerning = font.position.getKerningTables(font.position.getDefaultScriptName());
    faces.set(f.weight, { font, kerning, outlines: new Map(), kernPairs: new Map(), glyphIndex: new Map() });
  }
  return faces;
}

/** Loads the outline fonts up front (about a second for the two CJK faces). */
export function warmGlyphs(): void {
  loadFaces();
}

function outline(face: Face, glyph: OtGlyph, fontSize: number): Outline {
  const key = `${glyph.index}|${fontSize}`;
  const hit = face.outlines.get(key);
  if (hit) return hit;
  const s = (fontSize / face.font.unitsPerEm) * 10;
  const X = (v: number) => Math.round(v * s);
  const Y = (v: number) => Math.round(-v * s);
  let x0 = 0;
  let y0 = 0;
  let cx = 0;
  let cy = 0;
  let startX = 0;
  let startY = 0;
  let rest = '';
  let first = true;
  const d = (a: number, b: number) => `${(a - b) / 10}`;
  for (const c of glyph.path.commands) {
    if (c.type === 'Z') {
      rest += 'Z';
      cx = startX;
      cy = startY;
      continue;
    }
    const x = X(c.x);
    const y = Y(c.y);
    if (c.type === 'M') {
      if (first) {
        x0 = x;
        y0 = y;
        first = false;
      } else rest += `m${d(x, cx)} ${d(y, cy)}`;
      startX = x;
      startY = y;
    } else if (c.type === 'L') rest += `l${d(x, cx)} ${d(y, cy)}`;
    else if (c.type === 'Q') rest += `q${d(X(c.x1), cx)} ${d(Y(c.y1), cy)} ${d(x, cx)} ${d(y, cy)}`;
    else {
      rest += `c${d(X(c.x1), cx)} ${d(Y(c.y1), cy)} ${d(X(c.x2), cx)} ${d(Y(c.y2), cy)} ${d(x, cx)} ${d(y, cy)}`;
    }
    cx = x;
    cy = y;
  }
  const out = { x0, y0, rest };
  face.outlines.set(key, out);
  return out;
}

function glyphOf(face: Face, ch: string): OtGlyph {
  let index = face.glyphIndex.get(ch);
  if (index === undefined) {
    index = face.font.charToGlyphIndex(ch);
    face.glyphIndex.set(ch, index);
  }
  return (face.font.glyphs.get(index) ?? face.font.glyphs.get(0)) as OtGlyph;
}

function kern(face: Face, left: number, right: number): number {
  const key = left * 65536 + right;
  let v = face.kernPairs.get(key);
  if (v === undefined) {
    v = face.kerning ? face.font.position.getKerningValue(face.kerning, left, right) : 0;
    face.kernPairs.set(key, v);
  }
  return v;
}

const LATIN = /[A-Za-z]/;
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Path data for `text` with its baseline starting at (x, y). */
export function textPath(
  text: string,
  x: number,
  y: number,
  fontSize: number,
  weight: number,
  letterSpacing = 0,
) {
  const all = loadFaces();
  const face = all.get(weight) ?? all.get(400);
  if (!face) throw new Error('no font loaded');
  const scale = fontSize / face.font.unitsPerEm;
  let pen = x;
  let prev: OtGlyph | undefined;
  let d = '';
  // Latin runs go through the font's ligatures (ﬁ, ﬀ) as harfbuzz does for satori; CJK maps 1:1.
  const glyphs = LATIN.test(text)
    ? face.font.stringToGlyphs(text)
    : Array.from(text, (ch) => glyphOf(face, ch));
  for (const glyph of glyphs) {
    if (prev) pen += kern(face, prev.index, glyph.index) * scale;
    const o = outline(face, glyph, fontSize);
    if (o.rest) d += `M${round1(pen + o.x0 / 10)} ${round1(y + o.y0 / 10)}${o.rest}`;
    pen += (glyph.advanceWidth ?? 0) * scale + letterSpacing;
    prev = glyph;
  }
  return d;
}

function weightOf(value = '400'): number {
  if (value === 'bold' || value === 'bolder') return 700;
  return Number(value) >= 600 ? 700 : 400;
}

const DROP = new Set(['x', 'y', 'width', 'height', 'font-weight', 'font-style', 'font-size', 'font-family']);

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Replaces every `<text …>run</text>` that satori emitted with an equivalent `<path>`. */
export function outlineSvgText(svg: string): string {
  return svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, body: string) => {
    const a = new Map<string, string>();
    for (const m of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) a.set(m[1] as string, m[2] as string);
    const d = textPath(
      decodeEntities(body),
      Number(a.get('x') ?? 0),
      Number(a.get('y') ?? 0),
      Number(a.get('font-size') ?? 16),
      weightOf(a.get('font-weight')),
      Number(a.get('letter-spacing') ?? 0),
    );
    if (!d) return '';
    let keep = '';
    for (const [k, v] of a) if (!DROP.has(k) && k !== 'letter-spacing') keep += ` ${k}="${v}"`;
    return `<path${keep} d="${d}"/>`;
  });
}
