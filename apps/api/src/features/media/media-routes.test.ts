import { listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { todayInChina } from '@portal/domain';
import { fullIdNumbersIn } from '@portal/graphics/testing/id-numbers';
import { inspectPdf, pdfBytesForSearch, unwrapped } from '@portal/graphics/testing/pdf';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor, orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { newspaperListings } from './newspaper-listings.ts';

const [pglite] = backends();
const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token: 'admin',
});

/** Full ID numbers of the persons created here: none may ever appear in a PDF. */
const ids = {
  livelihood: idNumberFor('19700303', '311'),
  latest: idNumberFor('19850505', '512'),
  demo: idNumberFor('19900909', '913'),
  removed: idNumberFor('19750707', '714'),
};

describe('media pack API', () => {
  let t: TestRuntime;
  const listingIds: Record<string, string> = {};

  async function publish(key: string, draft: Record<string, unknown>) {
    const res = await t.request('/api/v1/admin/listings', post(draft));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await t.request(`/api/v1/admin/listings/${id}/publish`, post({}))).status).toBe(200);
    listingIds[key] = id;
  }

  async function newspaper(size = 'A3') {
    const res = await t.request(`/api/v1/admin/media/newspaper.pdf?size=${size}`, { token: 'admin' });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, read: await inspectPdf(bytes) };
  }

  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
    // published in this order: the 涉民生 one first, yet it must print first even though it is older
    await publish('livelihood', personDraft({ name: '符民生', idNumber: ids.livelihood, livelihood: true }));
    await publish('org', orgDraft({ name: '海南报版建筑有限公司', livelihood: false }));
    await publish('latest', personDraft({ name: '王最新', idNumber: ids.latest, livelihood: false }));
    await publish('removed', personDraft({ name: '李删除', idNumber: ids.removed, livelihood: false }));
    await t.request('/api/v1/admin/listings', post(personDraft({ name: '陈草稿', livelihood: false })));
    await t.rt.drainPublisher();
  });
  afterAll(() => t?.close());

  it('gives a court admin an A3 PDF of the published list: Art. 6 fields, masked IDs, 涉民生 first, drafts left out', async () => {
    const { res, bytes, read } = await newspaper('A3');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="newspaper-A3-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(read.pages.length).toBeGreaterThan(0);
    for (const p of read.pages) expect([p.width, p.height]).toEqual([841.89, 1190.55]);
    const text = unwrapped(read.text);
    for (const name of ['符民生', '海南报版建筑有限公司', '王最新', '李删除']) expect(text).toContain(name);
    expect(text).not.toContain('陈草稿');
    expect(text).toContain(`${ids.latest.slice(0, 10)}****${ids.latest.slice(14)}`);
    // 涉民生 first, then the latest published first
    const order = ['符民生', '李删除', '王最新', '海南报版建筑有限公司'].map((n) => text.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('本版刊登公布中的全部4条名单信息');
    for (const f of read.fonts) expect(f.name).toMatch(/^[A-Z]{6}\+/);
  });

  it('reads at most the edition’s cap, in print order, and counts every published listing', async () => {
    const capped = await newspaperListings(t.rt.deps.db, todayInChina(t.rt.deps.now()), 2);
    expect(capped.total).toBe(4);
    expect(capped.listings.map((l) => l.name)).toEqual(['符民生', '李删除']);
    expect(capped.listings[0]).not.toHaveProperty('idNumber');
    expect(capped.listings[0]?.idNumberMasked).toBe(
      `${ids.livelihood.slice(0, 10)}****${ids.livelihood.slice(14)}`,
    );
  });

  it('never puts a full ID number in the PDF: not in its text, not in its bytes', async () => {
    const { bytes, read } = await newspaper('A4');
    const everything = `${unwrapped(read.text)}\n${pdfBytesForSearch(bytes)}`;
    for (const full of Object.values(ids)) expect(everything).not.toContain(full);
    expect(fullIdNumbersIn(everything)).toEqual([]);
  });

  it('is A4 when asked', async () => {
    const { read } = await newspaper('A4');
    for (const p of read.pages) expect([p.width, p.height]).toEqual([595.28, 841.89]);
  });

  it('marks 演示数据 once a demo listing is published, and not before', async () => {
    expect((await newspaper()).read.text).not.toContain('演示数据');
    // staff cannot create demo data; the first start seeds it (demo-seed.ts): mark one row as seeded
    await publish('demo', personDraft({ name: '演示赵六', idNumber: ids.demo, livelihood: false }));
    await t.rt.deps.db.update(listings).set({ demo: true }).where(eq(listings.id, listingIds.demo!));
    const { read } = await newspaper();
    expect(read.text).toContain('演示数据');
    expect(unwrapped(read.text)).toContain('演示赵六');
  });

  it('leaves a removed listing out of the next PDF at once', async () => {
    const res = await t.request(
      `/api/v1/admin/listings/${listingIds.removed}/remove`,
      post({ reason: 'performed' }),
    );
    expect(res.status).toBe(200);
    const text = unwrapped((await newspaper()).read.text);
    expect(text).not.toContain('李删除');
    expect(text).toContain('王最新');
  });

  it('refuses an unknown paper size or parameter with a zh-CN message, and a unit member with 403', async () => {
    const a5 = await t.request('/api/v1/admin/media/newspaper.pdf?size=A5', { token: 'admin' });
    expect(a5.status).toBe(400);
    const body = (await a5.json()) as { error: { code: string; message: string; field?: string } };
    expect(body.error.message).toContain('纸张尺寸只能是 A3 或 A4');
    expect(body.error.field).toBe('size');
    const extra = await t.request('/api/v1/admin/media/newspaper.pdf?colour=red', { token: 'admin' });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: { message: string } }).error.message).toContain('colour');
    for (const path of ['/api/v1/admin/media/newspaper.pdf', '/api/v1/admin/media/deck.zip']) {
      const res = await t.request(path, { token: 'unitA' });
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        '此操作仅限法院管理员。',
      );
    }
  });

  it('gives the TV deck as a ZIP of the export’s files: every board page, the statistics slide and the manifest', async () => {
    const res = await t.request('/api/v1/admin/media/deck.zip', { token: 'admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
      orientation: string;
      slides: { file: string; listingIds?: string[] }[];
    };
    expect(names).toEqual([...manifest.slides.map((s) => s.file), 'manifest.json'].sort());
    expect(names).toContain('board-001.png');
    expect(names).toContain('stats.png');
    expect(manifest.orientation).toBe('landscape');
    const shown = manifest.slides.flatMap((s) => s.listingIds ?? []).sort();
    const published = ['livelihood', 'org', 'latest', 'demo'].map((k) => listingIds[k]!).sort();
    expect(shown).toEqual(published);
    for (const name of names.filter((n) => n.endsWith('.png'))) {
      const png = Buffer.from(files[name]!);
      expect(png.subarray(1, 4).toString('latin1'), name).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([1920, 1080]);
    }
    const portrait = await t.request('/api/v1/admin/media/deck.zip?orientation=portrait', { token: 'admin' });
    const board = Buffer.from(unzipSync(new Uint8Array(await portrait.arrayBuffer()))['board-001.png']!);
    expect([board.readUInt32BE(16), board.readUInt32BE(20)]).toEqual([1080, 1920]);
    const sideways = await t.request('/api/v1/admin/media/deck.zip?orientation=sideways', { token: 'admin' });
    expect(sideways.status).toBe(400);
  });
});
