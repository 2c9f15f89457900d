/** Reading the built site from disk. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;
const MODULEPRELOAD = /<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g;
const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;

/**
 * Gzipped bytes of all JavaScript a page loads up front: its script tags, module preloads and
 * their static imports, each file counted once.
 */
export function pageJsGzipBytes(dist: string, htmlFile: string): { total: number; files: string[] } {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const queue = [...html.matchAll(SCRIPT_SRC), ...html.matchAll(MODULEPRELOAD)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  let total = 0;
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (!url.startsWith('/') || seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(join(dist, url));
    total += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) {
        queue.push(new URL(spec, `http://x${url}`).pathname);
      }
    }
  }
  return { total, files: [...seen] };
}
