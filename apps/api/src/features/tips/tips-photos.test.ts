import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tipAttachments, tips } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { publishedListing } from './tips-testing.ts';

/** A 640×480 JPEG with GPS, owner and device EXIF, taken with the phone turned (orientation 6). */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Artist: 'OwnerZhangSan', Make: 'PhoneMakerX', Model: 'ModelY' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '20/1 1/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '110/1 20/1 0/1',
      },
    })
    .toBuffer();
}

function form(fields: Record<string, string>, files: { name: string; type: string; bytes: Uint8Array }[]) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append('photos', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return { method: 'POST', body: fd };
}

describe.each(backends())('tip photos on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  const uploadsDir = () => join(resolve(t.rt.deps.env.DATA_DIR), 'uploads', 'tips');
  const filesOnDisk = () => {
    try {
      return readdirSync(uploadsDir());
    } catch {
      return [];
    }
  };
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    listingId = await publishedListing(t);
  });
  afterEach(() => t?.close());

  const fields = () => ({
    listingId,
    kind: 'asset',
    assetType: 'vehicle',
    description: '他开一辆白色轿车，车牌见照片。',
  });

  it('re-encodes a photo with GPS EXIF: staff get it without metadata, upright, only with credentials', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from('OwnerZhangSan'))).toBe(true);
    expect(before.exif?.includes(Buffer.from('PhoneMakerX'))).toBe(true);
    expect(before.orientation).toBe(6);
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [{ name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: original }]),
    );
    expect(res.status).toBe(201);
    const [tip] = await t.rt.deps.db.select().from(tips);
    const detail = (await (await t.request(`/api/v1/admin/tips/${tip!.id}`, { token: 'unitA' })).json()) as {
      attachments: { url: string; contentType: string; width: number; height: number }[];
    };
    expect(detail.attachments).toHaveLength(1);
    const url = detail.attachments[0]!.url;
    expect(url).toMatch(/^\/api\/v1\/admin\/tips\//);
    expect((await t.request(url)).status).toBe(401);
    expect((await t.request(url, { token: 'unitB' })).status).toBe(403);
    const image = await t.request(url, { token: 'unitA' });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await image.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(served.includes(Buffer.from('OwnerZhangSan'))).toBe(false);
    expect(served.includes(Buffer.from('PhoneMakerX'))).toBe(false);
    // orientation 6 applied: the 640×480 landscape shot is stored upright as 480×640
    expect([meta.width, meta.height]).toEqual([480, 640]);
    expect(detail.attachments[0]).toMatchObject({ width: 480, height: 640, contentType: 'image/jpeg' });
  });

  it('takes phone-sized photos of several megabytes (not only thumbnails) and refuses a JSON tip over 64 KB', async () => {
    // noise does not compress: a 2000×1500 photo of about 2–3 MB, as a phone sends after resizing
    const noise = Buffer.alloc(2000 * 1500 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 2000, height: 1500, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [
        { name: 'a.jpg', type: 'image/jpeg', bytes: big },
        { name: 'b.jpg', type: 'image/jpeg', bytes: big },
      ]),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const [stored] = await t.rt.deps.db.select({ photoCount: tips.photoCount }).from(tips);
    expect(stored?.photoCount).toBe(2);
    const json = await t.request('/api/v1/tips', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...fields(), place: '海'.repeat(70_000) }),
    });
    expect(json.status).toBe(413);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a text file named .jpg by its bytes (415) and leaves nothing on disk or in the database', async () => {
    const fake = new TextEncoder().encode('<?php echo "hello"; ?>');
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [{ name: 'photo.jpg', type: 'image/jpeg', bytes: fake }]),
    );
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('photos.0');
    expect(await t.rt.deps.db.$count(tips)).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses a seventh photo and a corrupt JPEG, storing nothing', async () => {
    const good = await jpegWithGps();
    const seven = Array.from({ length: 7 }, (_, i) => ({
      name: `${i}.jpg`,
      type: 'image/jpeg',
      bytes: good,
    }));
    expect((await t.request('/api/v1/tips', form(fields(), seven))).status).toBe(400);
    const corrupt = Buffer.concat([good.subarray(0, 200)]);
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [{ name: 'x.jpg', type: 'image/jpeg', bytes: corrupt }]),
    );
    expect(res.status).toBe(400);
    expect(await t.rt.deps.db.$count(tips)).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses a decompression bomb (too many pixels) before decoding it', async () => {
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [{ name: 'big.png', type: 'image/png', bytes: bomb }]),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/像素/);
    expect(filesOnDisk()).toEqual([]);
  });

  it('answers 503 when the disk is full, keeps no tip, and removes the photos it had written', async () => {
    const real = t.rt.deps.tips.files;
    let writes = 0;
    t.rt.deps.tips.files = {
      ...real,
      async put(name, bytes) {
        writes++;
        if (writes === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return real.put(name, bytes);
      },
    };
    const good = await jpegWithGps();
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [
        { name: 'a.jpg', type: 'image/jpeg', bytes: good },
        { name: 'b.jpg', type: 'image/jpeg', bytes: good },
      ]),
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STORAGE_UNAVAILABLE');
    expect(await t.rt.deps.db.$count(tips)).toBe(0);
    expect(await t.rt.deps.db.$count(tipAttachments)).toBe(0);
    expect(filesOnDisk()).toEqual([]);
    t.rt.deps.tips.files = real;
    const retry = await t.request(
      '/api/v1/tips',
      form(fields(), [{ name: 'a.jpg', type: 'image/jpeg', bytes: good }]),
    );
    expect(retry.status).toBe(201);
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('answers 503 when the database cannot write (disk_full) and removes the photo files', async () => {
    const db = t.rt.deps.db;
    const original = db.transaction.bind(db);
    (db as { transaction: unknown }).transaction = () =>
      Promise.reject(Object.assign(new Error('could not extend file'), { code: '53100' }));
    const good = await jpegWithGps();
    const res = await t.request(
      '/api/v1/tips',
      form(fields(), [{ name: 'a.jpg', type: 'image/jpeg', bytes: good }]),
    );
    (db as { transaction: unknown }).transaction = original;
    expect(res.status).toBe(503);
    expect(filesOnDisk()).toEqual([]);
    expect(await db.$count(tips)).toBe(0);
  });
});

describe.each(backends())('tip forms without photos on $kind', (backend) => {
  let t: TestRuntime;
  let listingId: string;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    listingId = await publishedListing(t);
  });
  afterEach(() => t?.close());

  it('takes a plain HTML form: an empty file input is no photo, urlencoded works too, lat/lng become a location', async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      listingId,
      kind: 'whereabouts',
      description: '在那大镇见到此人。',
      lat: '19.52',
      lng: '109.58',
      seenAt: '',
      website: '',
    }))
      fd.append(k, v);
    fd.append('photos', new Blob([]), '');
    const res = await t.request('/api/v1/tips', { method: 'POST', body: fd });
    expect(res.status, await res.clone().text()).toBe(201);
    const [tip] = await t.rt.deps.db.select().from(tips);
    expect(tip).toMatchObject({ photoCount: 0, locationLat: 19.52, locationLng: 109.58 });
    const urlencoded = await t.request('/api/v1/tips', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ listingId, kind: 'other', description: '其他线索。' }).toString(),
    });
    expect(urlencoded.status).toBe(201);
  });
});
