import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeScreensApi } from '../testing/fake-screens-api.ts';
import { pngSize } from '../testing/inspect.ts';
import { DeckExportError } from './deck-http.ts';
import { type DeckManifest, exportDeck } from './export-deck.ts';

describe('deck export', () => {
  it('saves every board page and the statistics slide, with a manifest of what each shows', async () => {
    const api = await startFakeScreensApi(['A', 'B', 'C', 'D', 'E']);
    const out = mkdtempSync(join(tmpdir(), 'deck-'));
    const progress: string[] = [];
    try {
      await exportDeck({ api: api.url, out, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    } finally {
      await api.close();
    }
    for (const f of ['board-001.png', 'board-002.png', 'board-003.png', 'stats.png']) {
      expect(pngSize(readFileSync(join(out, f))).width).toBeGreaterThan(0);
    }
    expect(existsSync(join(out, 'board-004.png'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as DeckManifest;
    expect(manifest.slides.map((s) => s.listingIds ?? [])).toEqual([['A', 'B'], ['C', 'D'], ['E'], []]);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  it('explains in Chinese when the API is unreachable', async () => {
    const api = await startFakeScreensApi([]);
    await api.close();
    const err = await exportDeck({ api: api.url, out: mkdtempSync(join(tmpdir(), 'deck-')) }).catch((e) => e);
    expect(err).toBeInstanceOf(DeckExportError);
    expect(err.message).toMatch(/^无法连接到接口服务 http:\/\/127\.0\.0\.1:\d+（连接被拒绝）/);
    expect(err.exitCode).toBe(2);
  });
});
