import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const [pglite] = backends();
const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token: 'admin',
});

function pngSize(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('screens API', () => {
  let t: TestRuntime;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
    for (let i = 0; i < 8; i++) {
      const draft =
        i % 3 === 0
          ? orgDraft({ name: `海南第${i}建筑有限公司` })
          : personDraft({ name: `符屏${'一二三四五六七八'[i]}` });
      const { id } = (await (await t.request('/api/v1/admin/listings', post(draft))).json()) as {
        id: string;
      };
      await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
      ids.push(id);
    }
    await t.rt.drainPublisher();
  });
  afterAll(async () => {
    await t.close();
  });

  it('board.json pages cover every published listing exactly once', async () => {
    const first = (await (await t.request('/api/v1/screens/board.json?page=1')).json()) as {
      page: number;
      pages: number;
      listingIds: string[];
    };
    expect(first.pages).toBe(2);
    const second = (await (await t.request('/api/v1/screens/board.json?page=2')).json()) as {
      listingIds: string[];
    };
    expect([...first.listingIds, ...second.listingIds].sort()).toEqual([...ids].sort());
  });

  it('board.png is a 1920×1080 PNG and 1080×1920 when portrait; a share card renders for a published listing', async () => {
    const board = new Uint8Array(await (await t.request('/api/v1/screens/board.png?page=1')).arrayBuffer());
    expect(pngSize(board)).toEqual({ width: 1920, height: 1080 });
    const portrait = new Uint8Array(
      await (await t.request('/api/v1/screens/board.png?page=1&orientation=portrait')).arrayBuffer(),
    );
    expect(pngSize(portrait)).toEqual({ width: 1080, height: 1920 });
    const card = await t.request(`/api/v1/screens/cards/${ids[1]}.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
  });

  it('a removed listing leaves board.json and its card answers 404 within 2 s', async () => {
    const victim = ids[2]!;
    await t.request(`/api/v1/screens/cards/${victim}.png`); // warm the cache
    await t.request(`/api/v1/admin/listings/${victim}/remove`, post({ reason: 'performed' }));
    await within(2000, async () => (await t.request(`/api/v1/screens/cards/${victim}.png`)).status === 404);
    const pages = (await (await t.request('/api/v1/screens/board.json?page=1')).json()) as {
      pages: number;
      listingIds: string[];
    };
    const all = [...pages.listingIds];
    for (let p = 2; p <= pages.pages; p++) {
      all.push(
        ...(
          (await (await t.request(`/api/v1/screens/board.json?page=${p}`)).json()) as { listingIds: string[] }
        ).listingIds,
      );
    }
    expect(all).not.toContain(victim);
    expect(all).toHaveLength(ids.length - 1);
  });

  it('rejects a page beyond the last and an unknown orientation with zh-CN errors', async () => {
    const beyond = await t.request('/api/v1/screens/board.json?page=99');
    expect(beyond.status).toBe(400);
    expect(((await beyond.json()) as { error: { field: string } }).error.field).toBe('page');
    const sideways = await t.request('/api/v1/screens/board.png?orientation=sideways');
    expect(sideways.status).toBe(400);
    expect((await t.request('/api/v1/screens/cards/LNOPE.png')).status).toBe(404);
  });

  it('serves the kiosk page with its script under a strict CSP', async () => {
    const page = await t.request('/screen');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/screen/kiosk.js');
    expect((await t.request('/screen/kiosk.js')).headers.get('content-type')).toContain('javascript');
  });
});
