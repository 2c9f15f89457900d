import { readFileSync } from 'node:fs';

export interface KioskAssets {
  /** served at `/screen` as text/html */
  html: string;
  /** served at the path the html references, `/screen/kiosk.js`, as text/javascript */
  js: string;
}

let memo: KioskAssets | undefined;

/** The kiosk page and its script, read from `packages/graphics/kiosk/` once per process. */
export function kioskAssets(): KioskAssets {
  memo ??= {
    html: readFileSync(new URL('../kiosk/index.html', import.meta.url), 'utf8'),
    js: readFileSync(new URL('../kiosk/kiosk.js', import.meta.url), 'utf8'),
  };
  return memo;
}
