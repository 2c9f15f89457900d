import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The one font family every template uses. */
export const FONT_FAMILY = 'Noto Sans SC';

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

let memo: SatoriFont[] | undefined;

/**
 * Loads Noto Sans Hans Regular and Bold (OFL-1.1) from `@embedpdf/fonts-sc`, once per process.
 *
 * Why these files: satori parses OTF, TTF and WOFF only. WOFF2 renders silently as blank boxes
 * and TTC collections (Debian's fonts-noto-cjk) fail with "Unsupported OpenType signature ttcf",
 * so the system CJK fonts cannot be used. These two OTFs cover GB2312 and more (30,888 glyphs)
 * and give a real bold.
 * UNFINISHED: rare characters outside GB2312+ (e.g. 𠮷 in a name) draw as blank; register a
 * fallback TTF such as LXGW WenKai (OFL, Debian fonts-lxgw-wenkai) once it is an npm dependency.
 */
export function loadFonts(): SatoriFont[] {
  if (memo) return memo;
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const dir = join(dirname(entry), '..', 'fonts');
  memo = [
    {
      name: FONT_FAMILY,
      data: readFileSync(join(dir, 'NotoSansHans-Regular.otf')),
      weight: 400,
      style: 'normal',
    },
    {
      name: FONT_FAMILY,
      data: readFileSync(join(dir, 'NotoSansHans-Bold.otf')),
      weight: 700,
      style: 'normal',
    },
  ];
  return memo;
}
