import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import type { ScreenCache } from '../screens/screen-cache.ts';
import { type DeckManifest, deckFiles } from './deck-files.ts';

const [pglite] = backends();

describe('TV deck files', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
    const res = await t.request('/api/v1/admin/listings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personDraft({ name: '符轮播' })),
      token: 'admin',
    });
    const { id } = (await res.json()) as { id: string };
    await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
    await t.rt.drainPublisher();
  });
  afterAll(() => t?.close());

  it('stops at the last page still there when the list shrinks mid-export, and says so in the manifest', async () => {
    const real = t.rt.deps.screens;
    let plans = 0;
    // the first plan (read before the download starts) has two pages; by page 2 a removal left one
    const shrinking: ScreenCache = {
      ...real,
      async plan(key) {
        const plan = await real.plan(key);
        const first = plan.slides[0] ?? [];
        return plans++ === 0 ? { pages: 2, slides: [first, first] } : { pages: 1, slides: [first] };
      },
    };
    const files = await deckFiles({ ...t.rt.deps, screens: shrinking }, 'https://x.cn', {
      orientation: 'landscape',
    });
    const names: string[] = [];
    let manifest: DeckManifest | undefined;
    for await (const f of files) {
      names.push(f.name);
      if (f.name === 'manifest.json') manifest = JSON.parse(Buffer.from(f.bytes).toString('utf8'));
    }
    expect(names).toEqual(['board-001.png', 'stats.png', 'manifest.json']);
    expect(manifest?.warnings).toEqual(['导出期间名单发生变化，轮播页只导出到第 1 页，请重新导出。']);
    expect(manifest?.slides.map((s) => s.file)).toEqual(['board-001.png', 'stats.png']);
  });
});
