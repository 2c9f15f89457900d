import { describe, expect, it } from 'vitest';
import { createPageCache, listingPageKey } from './page-cache.ts';

const page =
  (body: string, status = 200) =>
  async () => ({ status, body });

describe('listing page cache', () => {
  it('serves a rendered page again until that listing changes; then renders anew', async () => {
    const cache = createPageCache();
    let renders = 0;
    const render = async () => ({ status: 200, body: `v${++renders}` });
    expect((await cache.getOrRender(listingPageKey('L1'), render)).body).toBe('v1');
    expect((await cache.getOrRender(listingPageKey('L1'), render)).body).toBe('v1');
    cache.dropListings(['L2']); // another listing: L1's page stays
    expect((await cache.getOrRender(listingPageKey('L1'), render)).body).toBe('v1');
    cache.dropListings(['L1']);
    expect((await cache.getOrRender(listingPageKey('L1'), render)).body).toBe('v2');
  });

  it('drops the pages built from many listings (home, stats) on any listing change', async () => {
    const cache = createPageCache();
    await cache.getOrRender('home:2026-11-29', page('old home'));
    await cache.getOrRender(listingPageKey('L1'), page('L1'));
    cache.dropListings(['L9']);
    expect((await cache.getOrRender('home:2026-11-29', page('new home'))).body).toBe('new home');
    expect((await cache.getOrRender(listingPageKey('L1'), page('other'))).body).toBe('L1');
  });

  it('never stores a page rendered while a change happened (it may show the removed listing)', async () => {
    const cache = createPageCache();
    let release!: () => void;
    const slow = cache.getOrRender(listingPageKey('L1'), async () => {
      await new Promise<void>((r) => {
        release = r;
      });
      return { status: 200, body: 'rendered before the removal' };
    });
    await Promise.resolve();
    cache.dropListings(['L1']);
    release();
    expect((await slow).body).toBe('rendered before the removal');
    expect((await cache.getOrRender(listingPageKey('L1'), page('after'))).body).toBe('after');
  });

  it('keeps the newest pages within its bound and stores no error page', async () => {
    const cache = createPageCache(2);
    await cache.getOrRender('a', page('a'));
    await cache.getOrRender('b', page('b'));
    await cache.getOrRender('c', page('c'));
    expect(cache.size()).toBe(2);
    await cache.getOrRender('e', page('boom', 500));
    expect((await cache.getOrRender('e', page('fine'))).body).toBe('fine');
  });
});
