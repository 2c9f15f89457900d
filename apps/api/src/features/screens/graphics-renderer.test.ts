import { afterEach, describe, expect, it } from 'vitest';
import { within } from '../../testing/test-runtime.ts';
import { createGraphicsRenderer, type GraphicsRenderer } from './graphics-renderer.ts';

const neutral = { courtName: '海口市中级人民法院', orientation: 'landscape' } as const;
const isPng = (b: Buffer) => b.subarray(1, 4).toString('latin1') === 'PNG';

describe('graphics renderer (child process)', () => {
  let r: GraphicsRenderer;
  afterEach(async () => {
    await r.close();
  });

  it('loads nothing before the first render, draws it, unloads when idle and draws again after', async () => {
    r = createGraphicsRenderer({ idleMs: 300 });
    expect(r.loaded()).toBe(false);
    const first = await r.render('neutral', neutral);
    expect(isPng(first)).toBe(true);
    expect(r.loaded()).toBe(true);
    await within(5000, async () => !r.loaded());
    const again = await r.render('neutral', neutral);
    expect(again.equals(first)).toBe(true);
  });

  it('answers concurrent first renders from one worker, each with its own image', async () => {
    r = createGraphicsRenderer({ idleMs: 60_000 });
    const [landscape, portrait] = await Promise.all([
      r.render('neutral', neutral),
      r.render('neutral', { ...neutral, orientation: 'portrait' }),
    ]);
    expect(landscape.readUInt32BE(16)).toBe(1920);
    expect(portrait.readUInt32BE(16)).toBe(1080);
  });

  it('a render that fails rejects with the reason, and the next render still works', async () => {
    r = createGraphicsRenderer({ idleMs: 60_000 });
    // a share card needs a listing: none given
    await expect(r.render('card', undefined as never, { siteUrl: 'http://x' })).rejects.toThrow(
      /render failed/,
    );
    expect(isPng(await r.render('neutral', neutral))).toBe(true);
  });
});
