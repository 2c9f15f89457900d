import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { loadFonts } from './fonts.ts';
import { outlineSvgText } from './glyph-paths.ts';
import type { VNode } from './h.ts';
import { encodeOpaquePng } from './png-encode.ts';

export interface SvgOptions {
  width: number;
  height: number;
  /**
   * `true` (default) outlines glyphs as paths, so the SVG needs no font to display. `false`
   * keeps `<text>` elements, which tests read to check exactly which strings are drawn.
   */
  embedFont?: boolean;
}

/**
 * Lays out a template tree with satori. Fonts are loaded on first use and kept. Satori always
 * emits `<text>`; with `embedFont` the runs are then outlined from a per-glyph cache
 * (`glyph-paths.ts`), which draws the same as satori's own outlining in about half the time.
 */
export async function renderSvg(
  node: VNode,
  { width, height, embedFont = true }: SvgOptions,
): Promise<string> {
  const svg = await satori(node as unknown as Parameters<typeof satori>[0], {
    width,
    height,
    embedFont: false,
    fonts: loadFonts(),
  });
  return embedFont ? outlineSvgText(svg) : svg;
}

/**
 * Rasterises an SVG to PNG at `width` pixels wide (height follows the aspect ratio), so an A4
 * poster laid out at 1240 px can be printed at 2480 px without a second layout. resvg runs on
 * its worker thread and PNG compression on the libuv pool, so the API's event loop stays free.
 * @example const png = await toPng(svg, 1920);
 */
export async function toPng(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    background: '#ffffff',
  });
  return encodeOpaquePng(image.pixels, image.width, image.height);
}

/** Template tree → PNG in one call. */
export async function renderPng(node: VNode, size: { width: number; height: number }, outWidth?: number) {
  const svg = await renderSvg(node, size);
  return toPng(svg, outWidth ?? size.width);
}
