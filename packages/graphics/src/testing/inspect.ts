import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VNode } from '../h.ts';
import { renderSvg } from '../render.ts';

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Everything satori actually draws as text, joined in document order. Rendering with
 * `embedFont: false` keeps glyph runs as `<text>` elements instead of outlines.
 */
export async function drawnText(tree: VNode, size: { width: number; height: number }): Promise<string> {
  const svg = await renderSvg(tree, { ...size, embedFont: false });
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1] ?? '')).join('');
}

/** Saves a rendered PNG under `test-results/graphics/` (repo root) for a human to look at. */
export function saveScreenshot(name: string, png: Buffer): string {
  const dir = join(import.meta.dirname, '..', '..', '..', '..', 'test-results', 'graphics');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  writeFileSync(file, png);
  return file;
}
